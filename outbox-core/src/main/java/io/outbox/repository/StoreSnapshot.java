package io.outbox.repository;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Raw counts the statistics are computed from, read in one go by the repository.
 *
 * @param failedForGood     failed events without a next attempt (a subset of {@code failed})
 * @param stale             pending events created before the stale threshold
 * @param pendingByType     pending events per event type
 * @param blockedByFailure  undelivered events held back by an earlier event of their entity that failed for good
 * @param newestCompletedAt when the most recently completed event completed; empty when none is kept
 */
public record StoreSnapshot(long pending, long processing, long completed, long failed, long failedForGood,
                            long stale, Optional<Instant> oldestPendingAt, Map<String, Long> pendingByType,
                            long blockedByFailure, Optional<Instant> newestCompletedAt) {
    /** Checks the oldest pending and newest completed times and copies the counts per type. */
    public StoreSnapshot {
        Objects.requireNonNull(oldestPendingAt, "oldestPendingAt");
        Objects.requireNonNull(newestCompletedAt, "newestCompletedAt");
        pendingByType = Map.copyOf(pendingByType);
    }

    /** A snapshot that does not know when an event last completed, as before that time was kept. */
    public StoreSnapshot(long pending, long processing, long completed, long failed, long failedForGood,
                         long stale, Optional<Instant> oldestPendingAt, Map<String, Long> pendingByType,
                         long blockedByFailure) {
        this(pending, processing, completed, failed, failedForGood, stale, oldestPendingAt, pendingByType,
                blockedByFailure, Optional.empty());
    }

    /** Every stored event: pending, processing, completed and failed. */
    public long total() {
        return pending + processing + completed + failed;
    }
}
