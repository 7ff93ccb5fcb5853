package com.lume.sync;

import io.outbox.event.EventStatus;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.repository.OutboxRepository;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the outbox knows about an entity's create: whether it reached the backend, and the id it got. Thread-safe. */
final class Deliveries {
    private final OutboxRepository outbox;

    Deliveries(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    /** The state of an entity's create, from its create events. */
    sealed interface CreateState permits Delivered, Waiting, FailedForGood, Unknown {
    }

    /** A create completed; the backend id it kept, if it kept one. */
    record Delivered(Optional<String> backendId) implements CreateState {
    }

    /** A create is still on its way: the latest such create event, and its next attempt when one is scheduled. */
    record Waiting(UUID createEventId, Optional<Instant> nextAttemptAt) implements CreateState {
    }

    /** Every create of the entity failed for good; the latest of them. */
    record FailedForGood(UUID createEventId) implements CreateState {
    }

    /** The outbox has no create of this entity. */
    record Unknown() implements CreateState {
    }

    CreateState createOf(String eventType, String entityId) {
        List<OutboxEvent> creates = outbox.findByEntity(entityId).stream()
                .filter(e -> e.eventType().equals(eventType) && e.operation() == Operation.CREATE).toList();
        List<OutboxEvent> completed = creates.stream().filter(e -> e.status() == EventStatus.COMPLETED).toList();
        if (!completed.isEmpty()) {
            return new Delivered(completed.stream().map(OutboxEvent::result).flatMap(Optional::stream)
                    .reduce((first, later) -> later));
        }
        List<OutboxEvent> onTheirWay = creates.stream().filter(e -> !e.isFailedForGood()).toList();
        if (!onTheirWay.isEmpty()) {
            OutboxEvent latest = onTheirWay.get(onTheirWay.size() - 1); // findByEntity lists them oldest first
            return new Waiting(latest.id(), onTheirWay.stream().map(OutboxEvent::nextAttemptAt)
                    .flatMap(Optional::stream).max(Comparator.naturalOrder()));
        }
        return creates.isEmpty() ? new Unknown() : new FailedForGood(creates.get(creates.size() - 1).id());
    }
}
