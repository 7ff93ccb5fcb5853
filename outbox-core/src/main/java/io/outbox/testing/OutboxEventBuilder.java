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
    private Optional<UUID> waitsFor = Optional.empty();

    private OutboxEventBuilder() {
    }

    /**
     * A builder of a pending {@code test.entity} create by {@code user-1}, with random event and
     * entity ids, priority {@link Priority#USER_ACTION}, created 2025-01-31T08:00:00Z and due then.
     */
    public static OutboxEventBuilder anEvent() {
        return new OutboxEventBuilder();
    }

    /** The event's id (default random). */
    public OutboxEventBuilder withId(UUID value) {
        id = value;
        return this;
    }

    /** The event's type (default {@code test.entity}). */
    public OutboxEventBuilder withType(String value) {
        eventType = value;
        return this;
    }

    /** The event's operation (default {@link Operation#CREATE}). */
    public OutboxEventBuilder withOperation(Operation value) {
        operation = value;
        return this;
    }

    /** The id of the entity the event changes (default a random UUID). */
    public OutboxEventBuilder forEntity(String value) {
        entityId = value;
        return this;
    }

    /** The user whose event it is (default {@code user-1}). */
    public OutboxEventBuilder forUser(String value) {
        userId = value;
        return this;
    }

    /** The event's priority, 0 to 100 (default {@link Priority#USER_ACTION}, 10). */
    public OutboxEventBuilder withPriority(int value) {
        priority = value;
        return this;
    }

    /** When the event was made (default 2025-01-31T08:00:00Z); a pending event is due then unless {@link #dueAt}. */
    public OutboxEventBuilder createdAt(Instant value) {
        createdAt = value;
        return this;
    }

    /** When the event was made, as ISO-8601 text such as {@code 2025-01-31T08:00:00Z}. */
    public OutboxEventBuilder createdAt(String isoInstant) {
        return createdAt(Instant.parse(isoInstant));
    }

    /** Attempts made so far and the attempt limit (defaults 0 and {@link OutboxEvent#DEFAULT_MAX_ATTEMPTS}, 5). */
    public OutboxEventBuilder withAttempts(int count, int max) {
        attemptCount = count;
        maxAttempts = max;
        return this;
    }

    /** When the event was last attempted (default never). */
    public OutboxEventBuilder withLastAttemptAt(Instant value) {
        lastAttemptAt = Optional.of(value);
        return this;
    }

    /** The event's metadata, JSON text its handler reads (default none). */
    public OutboxEventBuilder withMetadata(String json) {
        metadata = Optional.of(json);
        return this;
    }

    /** The message of the event's last failure (default none); the status stays as it is. */
    public OutboxEventBuilder withError(String message) {
        errorMessage = Optional.of(message);
        return this;
    }

    /** What the handler kept on delivery, a backend id say (default none). */
    public OutboxEventBuilder withResult(String value) {
        result = Optional.of(value);
        return this;
    }

    /** Whether the entity is new to the backend (default: only for a {@link Operation#CREATE}). */
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

    /** Failed for good with {@code reason}: never attempted again unless retried by command. */
    public OutboxEventBuilder failedForGood(String reason) {
        status = EventStatus.FAILED;
        errorMessage = Optional.of(reason);
        nextAttemptAt = Optional.empty();
        return this;
    }

    /** Completed (delivered) at {@code at}. */
    public OutboxEventBuilder completedAt(Instant at) {
        status = EventStatus.COMPLETED;
        completedAt = Optional.of(at);
        nextAttemptAt = Optional.empty();
        return this;
    }

    /** Processing, claimed by {@code owner} until {@code leaseExpiresAt}. */
    public OutboxEventBuilder processingBy(String owner, Instant leaseExpiresAt) {
        status = EventStatus.PROCESSING;
        claim = Optional.of(new Claim(owner, leaseExpiresAt));
        return this;
    }

    /** Waiting on event {@code awaited} (pending, parked by its handler, or failed because it failed). */
    public OutboxEventBuilder waitingFor(UUID awaited) {
        waitsFor = Optional.of(awaited);
        return this;
    }

    /** The event; a pending or processing one without a due time is due at its creation time. */
    public OutboxEvent build() {
        Optional<Instant> next = nextAttemptAt.isEmpty() && status != EventStatus.COMPLETED
                && status != EventStatus.FAILED ? Optional.of(createdAt) : nextAttemptAt;
        return new OutboxEvent(id, eventType, operation, entityId, userId, status, priority, createdAt, lastAttemptAt,
                attemptCount, maxAttempts, errorMessage, completedAt, metadata,
                newRecord.orElse(operation == Operation.CREATE), next, claim, result, waitsFor);
    }
}
