package io.outbox.testing;

import io.outbox.event.EventStatus;
import io.outbox.event.OutboxEvent;
import io.outbox.repository.Wait;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The in-memory repository's waits between events, as the port describes them for
 * {@code park}, {@code markCompleted}, {@code markFailed} and {@code resetForRetry}. Works on
 * the repository's own map; not thread-safe, the repository calls it under its lock.
 */
final class MemoryWaits {
    private final Map<UUID, OutboxEvent> events;

    MemoryWaits(Map<UUID, OutboxEvent> events) {
        this.events = events;
    }

    /** What a wait does to its claimed event, by the state of the event it waits on (null when there is none to wait on). */
    static OutboxEvent parked(OutboxEvent event, Wait w, OutboxEvent awaited) {
        if (awaited == null) {
            String reason = (w.awaited().equals(w.id()) ? "waited on itself" : "waited on event " + w.awaited()
                    + ", which does not exist") + ": " + w.reason();
            return event.failed(reason, event.attemptCount() >= event.maxAttempts()
                    ? Optional.empty() : Optional.of(w.recheckAt()));
        }
        if (awaited.isFailedForGood()) {
            // waiting costs no attempt, even when it ends this way
            return event.released(w.at()).failedWith(awaited.id(), failedBecause(awaited.id(), w.reason(),
                    awaited.errorMessage().orElse("")));
        }
        OutboxEvent waiting = event.waiting(awaited.id(), w.reason(), w.recheckAt());
        return awaited.status() == EventStatus.COMPLETED ? waiting.woken(w.at()) : waiting;
    }

    /** The reason an event that waited on {@code awaited} failed for good: why it waited, and why that one failed. */
    static String failedBecause(UUID awaited, String waitReason, String why) {
        return (waitReason.isBlank() ? "waited on event " + awaited : waitReason) + ", but event " + awaited
                + " failed for good: " + why;
    }

    /** Pending events waiting on {@code completed} are due at {@code now}. */
    void wake(UUID completed, Instant now) {
        for (Map.Entry<UUID, OutboxEvent> entry : events.entrySet()) {
            OutboxEvent e = entry.getValue();
            if (e.status() == EventStatus.PENDING && e.waitsFor().filter(completed::equals).isPresent()) {
                entry.setValue(e.woken(now));
            }
        }
    }

    /** Pending events waiting on {@code failed} fail for good naming it, and so on down the chain. */
    void failWaitersOf(UUID failed, String why) {
        List<UUID> next = new ArrayList<>();
        for (Map.Entry<UUID, OutboxEvent> entry : events.entrySet()) {
            OutboxEvent e = entry.getValue();
            if (e.status() == EventStatus.PENDING && e.waitsFor().filter(failed::equals).isPresent()) {
                entry.setValue(e.failedWith(failed, failedBecause(failed, e.errorMessage().orElse(""), why)));
                next.add(e.id());
            }
        }
        next.forEach(id -> failWaitersOf(id, events.get(id).errorMessage().orElse("")));
    }

    /** Events that failed for good because they waited on one of {@code retried} are retried with it; returns how many. */
    int reviveWaitersOf(Collection<UUID> retried, Instant now) {
        int revived = 0;
        List<UUID> next = new ArrayList<>();
        for (Map.Entry<UUID, OutboxEvent> entry : events.entrySet()) {
            OutboxEvent e = entry.getValue();
            if (e.isFailedForGood() && e.waitsFor().filter(retried::contains).isPresent()) {
                entry.setValue(e.resetForRetry(now));
                next.add(e.id());
                revived++;
            }
        }
        return next.isEmpty() ? revived : revived + reviveWaitersOf(next, now);
    }
}
