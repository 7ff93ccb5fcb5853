package io.outbox.processor;

import io.outbox.listener.OutboxListener;
import io.outbox.repository.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * The periodic chores around delivery: orphan recovery at start-up for an exclusive store,
 * expired leases, and cleanup of old completed events. Confined to the batch lock's holder.
 */
final class Housekeeping {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final OutboxRepository repository;
    private final ProcessorConfig config;
    private final OutboxListener listener;
    private final boolean exclusiveStore;
    private volatile boolean recoverOrphans;
    private Instant nextLeaseCheck = Instant.MIN;
    private Instant nextCleanup = Instant.MIN;

    Housekeeping(OutboxRepository repository, ProcessorConfig config, OutboxListener listener, boolean exclusiveStore) {
        this.repository = repository;
        this.config = config;
        this.listener = listener;
        this.exclusiveStore = exclusiveStore;
        this.recoverOrphans = exclusiveStore;
    }

    /**
     * After a store failure, an exclusive store's processing events are this processor's own
     * whose outcome could not be written (the store went away between delivery and record): they
     * come back at the next batch instead of at the end of their lease. Delivering one again is
     * safe, as every first delivery is (the request carries the event's idempotency key).
     */
    void storeFailed() {
        recoverOrphans = exclusiveStore;
    }

    void runDue(Instant now) {
        if (recoverOrphans) {
            int recovered = repository.recoverAllProcessing(now);
            recoverOrphans = false;
            if (recovered > 0) {
                log.info("recovered {} events left processing by a process that stopped", recovered);
                listener.reclaimed(recovered);
            }
        }
        if (!now.isBefore(nextLeaseCheck)) {
            int expired = repository.releaseExpiredClaims(now);
            nextLeaseCheck = now.plus(config.leaseCheckInterval());
            if (expired > 0) {
                log.info("{} events came back after their worker's lease ran out", expired);
                listener.reclaimed(expired);
            }
        }
        if (!now.isBefore(nextCleanup)) {
            int deleted = repository.deleteCompletedBefore(now.minus(config.retention()));
            nextCleanup = now.plus(config.cleanupInterval());
            if (deleted > 0) {
                log.info("deleted {} completed events older than {}", deleted, config.retention());
                listener.cleanedUp(deleted);
            }
        }
    }
}
