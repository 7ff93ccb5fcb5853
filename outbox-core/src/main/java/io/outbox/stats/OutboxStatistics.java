package io.outbox.stats;

import io.outbox.repository.StoreSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the outbox holds and whether something needs attention: the answer to "why has
 * this not synced?". Immutable.
 *
 * @param failed            every failed event, those scheduled for a retry included
 * @param failedForGood     failed events that will not be tried again unless retried by command
 * @param stale             pending for longer than the stale threshold (5 minutes by default)
 * @param waitingForHandler pending events per event type that no registered handler takes
 * @param blockedByFailure  events held back because an earlier event of their entity failed for good
 * @param newestCompletedAt when the most recently completed event completed (empty when none is kept)
 */
public record OutboxStatistics(long total, long pending, long processing, long completed, long failed,
                               long failedForGood, long stale, Optional<Instant> oldestPendingAt,
                               Optional<Duration> oldestPendingAge, Map<String, Long> waitingForHandler,
                               long blockedByFailure, Optional<Instant> newestCompletedAt) {
    /** {@link #hasIssues()} is true above this many pending events. */
    public static final long ISSUE_PENDING_THRESHOLD = 20;

    /** Checks the oldest pending time and age and the newest completed time, and copies the counts per type. */
    public OutboxStatistics {
        Objects.requireNonNull(oldestPendingAt, "oldestPendingAt");
        Objects.requireNonNull(newestCompletedAt, "newestCompletedAt");
        Objects.requireNonNull(oldestPendingAge, "oldestPendingAge");
        waitingForHandler = Map.copyOf(waitingForHandler);
    }

    /** Statistics at {@code now} for a processor that handles {@code handledTypes}. */
    public static OutboxStatistics from(StoreSnapshot snapshot, Set<String> handledTypes, Instant now) {
        Map<String, Long> waiting = new TreeMap<>();
        snapshot.pendingByType().forEach((type, count) -> {
            if (!handledTypes.contains(type) && count > 0) {
                waiting.put(type, count);
            }
        });
        Optional<Duration> age = snapshot.oldestPendingAt().map(at -> Duration.between(at, now))
                .map(d -> d.isNegative() ? Duration.ZERO : d);
        return new OutboxStatistics(snapshot.total(), snapshot.pending(), snapshot.processing(), snapshot.completed(),
                snapshot.failed(), snapshot.failedForGood(), snapshot.stale(), snapshot.oldestPendingAt(), age,
                waiting, snapshot.blockedByFailure(), snapshot.newestCompletedAt());
    }

    /** completed / (completed + failed); empty when both are 0. */
    public OptionalDouble successRate() {
        long finished = completed + failed;
        return finished == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) completed / finished);
    }

    /** Something needs a look: a failure, a stale event, or a backlog. */
    public boolean hasIssues() {
        return failed > 0 || stale > 0 || pending > ISSUE_PENDING_THRESHOLD;
    }

    /** Pending events that no registered handler takes, of every type together. */
    public long waitingForHandlerTotal() {
        return waitingForHandler.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line for a status bar or a log: counts first, then what is wrong, if anything. */
    public String summary() {
        StringBuilder line = new StringBuilder()
                .append(total).append(" events: ")
                .append(completed).append(" completed, ")
                .append(pending).append(" pending, ")
                .append(processing).append(" processing, ")
                .append(failed).append(" failed");
        if (failedForGood > 0) {
            line.append(" (").append(failedForGood).append(" for good)");
        }
        if (stale > 0) {
            line.append("; ").append(stale).append(" stale");
        }
        if (blockedByFailure > 0) {
            line.append("; ").append(blockedByFailure).append(" blocked behind a failed event");
        }
        long waiting = waitingForHandlerTotal();
        if (waiting > 0) {
            line.append("; ").append(waiting).append(" waiting for a handler ").append(waitingForHandler);
        }
        oldestPendingAge.ifPresent(age -> line.append("; oldest pending ").append(age.toSeconds()).append(" s"));
        line.append(hasIssues() ? " [needs attention]" : " [ok]");
        return line.toString();
    }
}
