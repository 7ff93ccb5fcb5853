package io.outbox.stats;

import java.util.ArrayList;
import java.util.List;

/** A health verdict: healthy, or unhealthy with every reason. Immutable. */
public record OutboxHealth(boolean healthy, List<String> reasons) {
    /** Copies the reasons. */
    public OutboxHealth {
        reasons = List.copyOf(reasons);
    }

    /** Judges statistics against the thresholds; {@code stale} in the statistics must use the same stale threshold. */
    public static OutboxHealth of(OutboxStatistics stats, HealthThresholds thresholds) {
        List<String> reasons = new ArrayList<>();
        if (stats.stale() > 0) {
            reasons.add(stats.stale() + " events pending for over " + thresholds.staleAfter().toMinutes() + " min");
        }
        long finished = stats.completed() + stats.failed();
        if (finished > 0) {
            double failureRate = (double) stats.failed() / finished;
            if (failureRate > thresholds.maxFailureRate()) {
                reasons.add(String.format(java.util.Locale.ROOT, "failure rate %.1f %% is over %.1f %%",
                        failureRate * 100, thresholds.maxFailureRate() * 100));
            }
        }
        if (stats.pending() > thresholds.maxPending()) {
            reasons.add(stats.pending() + " events pending, over " + thresholds.maxPending());
        }
        return new OutboxHealth(reasons.isEmpty(), reasons);
    }
}
