package com.lume.sync;

import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;

import java.time.Instant;
import java.util.Optional;

/** What both handlers read the same way from an event migrated from the legacy outbox. Stateless. */
final class Migrated {
    private Migrated() {
    }

    /**
     * The backend id of a migrated entry without a row: the one its completed create kept, else
     * one the legacy payload carried.
     */
    static Optional<String> backendId(Deliveries deliveries, String eventType, OutboxEvent event,
                                      LegacyPayload payload) {
        if (deliveries.createOf(eventType, event.entityId()) instanceof Deliveries.Delivered delivered
                && delivered.backendId().isPresent()) {
            return delivered.backendId();
        }
        return payload.string("backend_id", "backendId").filter(id -> !id.isBlank());
    }

    /** An update or delete can only follow a create the outbox delivered; without one nobody knows the backend id. */
    static HandlerResult noBackendId(String noun) {
        return HandlerResult.failedForGood("no backend id is known for migrated " + noun + ": its create reached"
                + " the backend before the migration, which did not keep the id");
    }

    /** The entry's date: {@code logged_at} of the payload, else when the legacy event was made. */
    static Instant date(OutboxEvent event, LegacyPayload payload) {
        return payload.instant("logged_at", "loggedAt").orElse(event.createdAt());
    }
}
