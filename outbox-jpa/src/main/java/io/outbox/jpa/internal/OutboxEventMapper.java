package io.outbox.jpa.internal;

import io.outbox.event.Claim;
import io.outbox.event.EventStatus;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Converts between the core's event and its stored form; a stored form the core would reject is unreadable. */
final class OutboxEventMapper {
    private OutboxEventMapper() {
    }

    static OutboxEventJpaEntity toEntity(OutboxEvent event, OutboxEventJpaEntity target) {
        target.id = event.id();
        target.eventType = event.eventType();
        target.operation = event.operation().wireName();
        target.entityId = event.entityId();
        target.userId = event.userId();
        target.status = event.status().wireName();
        target.priority = event.priority();
        target.createdAt = event.createdAt();
        target.lastAttemptAt = event.lastAttemptAt().orElse(null);
        target.attemptCount = event.attemptCount();
        target.maxAttempts = event.maxAttempts();
        target.errorMessage = event.errorMessage().orElse(null);
        target.completedAt = event.completedAt().orElse(null);
        target.metadata = event.metadata().orElse(null);
        target.newRecord = event.newRecord();
        target.nextAttemptAt = event.nextAttemptAt().orElse(null);
        target.claimOwner = event.claim().map(Claim::owner).orElse(null);
        target.leaseExpiresAt = event.claim().map(Claim::leaseExpiresAt).orElse(null);
        target.result = event.result().orElse(null);
        return target;
    }

    static OutboxEvent toEvent(OutboxEventJpaEntity e) {
        return event(e.id, e.eventType, e.operation, e.entityId, e.userId, e.status, e.priority, e.createdAt,
                Optional.ofNullable(e.lastAttemptAt), e.attemptCount, e.maxAttempts, Optional.ofNullable(e.errorMessage),
                Optional.ofNullable(e.completedAt), Optional.ofNullable(e.metadata), e.newRecord,
                Optional.ofNullable(e.nextAttemptAt), Optional.ofNullable(e.claimOwner),
                Optional.ofNullable(e.leaseExpiresAt), Optional.ofNullable(e.result));
    }

    /** Builds the core record from stored values; an {@link UnreadableEventException} says which value is wrong. */
    @SuppressWarnings("checkstyle:ParameterNumber")
    static OutboxEvent event(UUID id, String eventType, String operation, String entityId, String userId,
                             String status, int priority, Instant createdAt, Optional<Instant> lastAttemptAt,
                             int attemptCount, int maxAttempts, Optional<String> errorMessage,
                             Optional<Instant> completedAt, Optional<String> metadata, boolean newRecord,
                             Optional<Instant> nextAttemptAt, Optional<String> claimOwner,
                             Optional<Instant> leaseExpiresAt, Optional<String> result) {
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
                    nextAttemptAt, claim, result);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException(id, e.getMessage());
        }
    }
}
