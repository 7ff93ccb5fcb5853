package io.outbox.jpa.internal;

import io.outbox.event.Claim;
import io.outbox.event.EventStatus;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Builds the core's event from its stored columns; a stored form the core would reject is unreadable. */
final class OutboxEventMapper {
    private OutboxEventMapper() {
    }



    /** Builds the core record from stored values; an {@link UnreadableEventException} says which value is wrong. */
    @SuppressWarnings("checkstyle:ParameterNumber")
    static OutboxEvent event(UUID id, String eventType, String operation, String entityId, String userId,
                             String status, int priority, Instant createdAt, Optional<Instant> lastAttemptAt,
                             int attemptCount, int maxAttempts, Optional<String> errorMessage,
                             Optional<Instant> completedAt, Optional<String> metadata, boolean newRecord,
                             Optional<Instant> nextAttemptAt, Optional<String> claimOwner,
                             Optional<Instant> leaseExpiresAt, Optional<String> result, Optional<UUID> waitsFor) {
        EventStatus parsedStatus = EventStatus.parse(status).orElseThrow(
                () -> new UnreadableEventException(id, "unknown status '" + status + "'"));
        Operation parsedOperation = Operation.parse(operation).orElseThrow(
                () -> new UnreadableEventException(id, "unknown operation '" + operation + "'"));
        Optional<Claim> claim = parsedStatus == EventStatus.PROCESSING
                ? Optional.of(new Claim(claimOwner.orElse("unknown"), leaseExpiresAt.orElse(Instant.EPOCH)))
                : Optional.empty();
        try {
            return new OutboxEvent(id, eventType, parsedOperation, entityId, userId, parsedStatus, priority, createdAt,
                    lastAttemptAt, attemptCount, maxAttempts, errorMessage, completedAt, metadata, newRecord,
                    nextAttemptAt, claim, result, waitsFor);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException(id, e.getMessage());
        }
    }
}
