package io.outbox.testing;

import io.outbox.event.Claim;
import io.outbox.event.EventStatus;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Test data: {@code anEvent().withPriority(10).createdAt(t).build()}. Not thread-safe. */
public final class OutboxEventBuilder {
    private UUID id = UUID.randomUUID();
    private String eventType = "test.entity";
    private Operation operation = Operation.CREATE;
    private String entityId = UUID.randomUUID().toString();
    private String userId = "user-1";
    private EventStatus status = EventStatus.PENDING;
    private int priority = Priority.USER_ACTION;
    private Instant createdAt = Instant.parse("2025-01-31T08:00:00Z");
    private Optional<Instant> lastAttemptAt = Optional.empty();
    private int attemptCount;
    private int maxAttempts = OutboxEvent.DEFAULT_MAX_ATTEMPTS;
    private Optional<String> errorMessage = Optional.empty();
    private Optional<Instant> completedAt = Optional.empty();
    private Optional<String> metadata = Optional.empty();
    private Optional<Boolean> newRecord = Optional.empty();
    private Optional<Instant> nextAttemptAt = Optional.empty();
    private Optional<Claim> claim = Optional.empty();
    private Optional<String> result = Optional.empty();

    private OutboxEventBuilder() {
    }

    public static OutboxEventBuilder anEvent() {
        return new OutboxEventBuilder();
    }

    public OutboxEventBuilder withId(UUID value) {
        id = value;
        return this;
    }

    public OutboxEventBuilder withType(String value) {
        eventType = value;
        return this;
    }

    public OutboxEventBuilder withOperation(Operation value) {
        operation = value;
        return this;
    }

    public OutboxEventBuilder forEntity(String value) {
        entityId = value;
        return this;
    }

    public OutboxEventBuilder forUser(String value) {
        userId = value;
        return this;
    }

    public OutboxEventBuilder withPriority(int value) {
        priority = value;
        return this;
    }

    public OutboxEventBuilder createdAt(Instant value) {
        createdAt = value;
        return this;
    }

    public OutboxEventBuilder createdAt(String isoInstant) {
        return createdAt(Instant.parse(isoInstant));
    }

    public OutboxEventBuilder withAttempts(int count, int max) {
        attemptCount = count;
        maxAttempts = max;
        return this;
    }

    public OutboxEventBuilder withLastAttemptAt(Instant value) {
        lastAttemptAt = Optional.of(value);
        return this;
    }

    public OutboxEventBuilder withMetadata(String json) {
        metadata = Optional.of(json);
        return this;
    }

    public OutboxEventBuilder withError(String message) {
        errorMessage = Optional.of(message);
        return this;
    }

    public OutboxEventBuilder withResult(String value) {
        result = Optional.of(value);
        return this;
    }

    public OutboxEventBuilder newRecord(boolean value) {
        newRecord = Optional.of(value);
        return this;
    }

    /** Pending, due at {@code at}. */
    public OutboxEventBuilder dueAt(Instant at) {
        status = EventStatus.PENDING;
        nextAttemptAt = Optional.of(at);
        return this;
    }

    /** Failed, retried at {@code at}. */
    public OutboxEventBuilder failedRetryAt(String reason, Instant at) {
        status = EventStatus.FAILED;
        errorMessage = Optional.of(reason);
        nextAttemptAt = Optional.of(at);
        return this;
    }

    public OutboxEventBuilder failedForGood(String reason) {
        status = EventStatus.FAILED;
        errorMessage = Optional.of(reason);
        nextAttemptAt = Optional.empty();
        return this;
    }

    public OutboxEventBuilder completedAt(Instant at) {
        status = EventStatus.COMPLETED;
        completedAt = Optional.of(at);
        nextAttemptAt = Optional.empty();
        return this;
    }

    public OutboxEventBuilder processingBy(String owner, Instant leaseExpiresAt) {
        status = EventStatus.PROCESSING;
        claim = Optional.of(new Claim(owner, leaseExpiresAt));
        return this;
    }

    public OutboxEvent build() {
        Optional<Instant> next = nextAttemptAt.isEmpty() && status != EventStatus.COMPLETED
                && status != EventStatus.FAILED ? Optional.of(createdAt) : nextAttemptAt;
        return new OutboxEvent(id, eventType, operation, entityId, userId, status, priority, createdAt, lastAttemptAt,
                attemptCount, maxAttempts, errorMessage, completedAt, metadata,
                newRecord.orElse(operation == Operation.CREATE), next, claim, result);
    }
}
