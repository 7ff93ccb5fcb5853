package io.outbox.processor;

import io.outbox.event.OutboxEvent;
import io.outbox.repository.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a batch's claims alive while its handlers outlast half the lease: once the batch has
 * run for half the lease, and every half lease after that, it extends the claims still held to
 * the clock's now plus the lease, and notes those the store says are gone (lost to another
 * worker after they expired). A batch that finishes within half the lease costs no store call.
 * The schedule runs on real time; the lease end comes from the injected clock. Owns one
 * daemon thread and stops it in {@link #close()}. Thread-safe.
 */
final class LeaseRenewer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaseRenewer.class);

    private final OutboxRepository repository;
    private final Duration lease;
    private final long periodNanos;
    private final Clock clock;
    private final String owner;
    private final ScheduledThreadPoolExecutor scheduler;

    LeaseRenewer(OutboxRepository repository, Duration lease, Clock clock, String owner) {
        this.repository = repository;
        this.lease = lease;
        this.periodNanos = Math.max(1, lease.toNanos() / 2);
        this.clock = clock;
        this.owner = owner;
        this.scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "outbox-" + owner + "-lease");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** Starts keeping the claims of {@code events} alive until {@link Renewal#finish()}. */
    Renewal watch(List<OutboxEvent> events) {
        Renewal renewal = new Renewal(events.stream().map(OutboxEvent::id).toList());
        renewal.future = scheduler.scheduleAtFixedRate(renewal::renew, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        return renewal;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** The renewal of one batch's claims. Thread-safe: a renewal and {@link #finish()} never overlap. */
    final class Renewal {
        private final Set<UUID> held;
        private final Set<UUID> lost = new HashSet<>();
        private ScheduledFuture<?> future;
        private boolean finished;
        private int failures;

        private Renewal(List<UUID> ids) {
            this.held = new HashSet<>(ids);
        }

        private synchronized void renew() {
            if (finished || held.isEmpty()) {
                return;
            }
            Instant until = clock.instant().plus(lease);
            try {
                Set<UUID> renewed = repository.renewClaims(List.copyOf(held), owner, until);
                held.stream().filter(id -> !renewed.contains(id)).forEach(lost::add);
                held.retainAll(renewed);
                failures = 0;
                log.debug("renewed the claims of {} events until {}", renewed.size(), until);
            } catch (RuntimeException e) {
                // the claims may still be ours: the next renewal tries again before the lease ends
                if (failures++ == 0) {
                    log.warn("could not renew the claims of {} events; trying again in {}: {}", held.size(),
                            Duration.ofNanos(periodNanos), e.getMessage());
                }
            }
        }

        /** Stops renewing (waiting for a renewal under way) and returns the ids found lost. */
        Set<UUID> finish() {
            future.cancel(false);
            synchronized (this) {
                finished = true;
                return Set.copyOf(lost);
            }
        }
    }
}
