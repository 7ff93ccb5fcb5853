package io.outbox.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One local change that must reach the backend: an immutable value. Transitions return a
 * new event; the repository decides which one is stored.
 *
 * <p>An event is <em>due</em> when it is pending or failed, and its next attempt time has
 * come. A failed event without a next attempt time has failed for good: it is kept,
 * visible and retriable by command, but never attempted again on its own.
 *
 * <p>The event type is open: core knows none of the apps' types. Metadata is JSON text
 * that the app's handler reads; core never parses it.
 *
 * <p>{@code waitsFor} names the event this one waits on, when its handler answered
 * {@link io.outbox.handler.HandlerResult#waitFor "not yet"}: it is pending, costs no attempt
 * while it waits, and is made due when that event completes (or fails for good with it). A
 * failed event keeps it when it failed because of the event it waited on, so retrying that
 * event revives this one too.
 */
public record OutboxEvent(
        UUID id,
        String eventType,
        Operation operation,
        String entityId,
        String userId,
        EventStatus status,
        int priority,
        Instant createdAt,
        Optional<Instant> lastAttemptAt,
        int attemptCount,
        int maxAttempts,
        Optional<String> errorMessage,
        Optional<Instant> completedAt,
        Optional<String> metadata,
        boolean newRecord,
        Optional<Instant> nextAttemptAt,
        Optional<Claim> claim,
        Optional<String> result,
        Optional<UUID> waitsFor) {

    /** Attempts a new event gets before it fails for good. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** The longest event type, in characters. */
    public static final int MAX_EVENT_TYPE_LENGTH = 64;
    /** The longest entity id, in characters. */
    public static final int MAX_ENTITY_ID_LENGTH = 128;
    /** The longest user id, in characters. */
    public static final int MAX_USER_ID_LENGTH = 64;
    /** Error messages longer than this many characters are cut to it, ending in an ellipsis. */
    public static final int MAX_ERROR_LENGTH = 2000;
    /** Kept results longer than this many characters are cut to it, ending in an ellipsis. */
    public static final int MAX_RESULT_LENGTH = 2000;
    /** User ids as the CLIs accept them: 1 to 64 of {@code A-Za-z0-9._@-}. */
    public static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    /** Checks every field once; an event that exists is valid. */
    public OutboxEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
        Objects.requireNonNull(errorMessage, "errorMessage");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(waitsFor, "waitsFor");
        requireText(eventType, "eventType", MAX_EVENT_TYPE_LENGTH);
        requireText(entityId, "entityId", MAX_ENTITY_ID_LENGTH);
        requireText(userId, "userId", MAX_USER_ID_LENGTH);
        if (priority < Priority.MIN || priority > Priority.MAX) {
            throw new IllegalArgumentException("priority must be in [" + Priority.MIN + ", " + Priority.MAX + "], was " + priority);
        }
        if (attemptCount < 0) {
            throw new IllegalArgumentException("attemptCount must not be negative, was " + attemptCount);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if ((status == EventStatus.PROCESSING) != claim.isPresent()) {
            throw new IllegalArgumentException("an event has a claim exactly when it is processing (status " + status + ")");
        }
        if (status == EventStatus.PENDING && nextAttemptAt.isEmpty()) {
            throw new IllegalArgumentException("a pending event needs a next attempt time");
        }
        if (status == EventStatus.COMPLETED && completedAt.isEmpty()) {
            throw new IllegalArgumentException("a completed event needs its completion time");
        }
        errorMessage = errorMessage.map(m -> truncate(m, MAX_ERROR_LENGTH));
        result = result.map(r -> truncate(r, MAX_RESULT_LENGTH));
    }

    /** An event that waits on no other: every field but {@code waitsFor}, as events were before they could wait. */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public OutboxEvent(UUID id, String eventType, Operation operation, String entityId, String userId,
                       EventStatus status, int priority, Instant createdAt, Optional<Instant> lastAttemptAt,
                       int attemptCount, int maxAttempts, Optional<String> errorMessage, Optional<Instant> completedAt,
                       Optional<String> metadata, boolean newRecord, Optional<Instant> nextAttemptAt,
                       Optional<Claim> claim, Optional<String> result) {
        this(id, eventType, operation, entityId, userId, status, priority, createdAt, lastAttemptAt, attemptCount,
                maxAttempts, errorMessage, completedAt, metadata, newRecord, nextAttemptAt, claim, result,
                Optional.empty());
    }

    /** A new pending event, due at once, with the default attempt limit. */
    public static OutboxEvent pending(UUID id, String eventType, Operation operation, String entityId,
                                      String userId, int priority, Optional<String> metadata, Instant createdAt) {
        return new OutboxEvent(id, eventType, operation, entityId, userId, EventStatus.PENDING, priority, createdAt,
                Optional.empty(), 0, DEFAULT_MAX_ATTEMPTS, Optional.empty(), Optional.empty(), metadata,
                operation == Operation.CREATE, Optional.of(createdAt), Optional.empty(), Optional.empty());
    }

    /** Whether it may be attempted at {@code now} (entity order aside). */
    public boolean isDue(Instant now) {
        return (status == EventStatus.PENDING || status == EventStatus.FAILED)
                && nextAttemptAt.isPresent() && !nextAttemptAt.get().isAfter(now);
    }

    /** Failed and never attempted again unless someone retries it by command. */
    public boolean isFailedForGood() {
        return status == EventStatus.FAILED && nextAttemptAt.isEmpty();
    }

    /** Not yet delivered: anything but completed. Such an event holds back later events of its entity. */
    public boolean isUndelivered() {
        return status != EventStatus.COMPLETED;
    }

    /** Claimed by {@code owner} at {@code now}: the attempt starts and is counted. */
    public OutboxEvent claimed(String owner, Instant now, Instant leaseExpiresAt) {
        return new OutboxEvent(id, eventType, operation, entityId, userId, EventStatus.PROCESSING, priority, createdAt,
                Optional.of(now), attemptCount + 1, maxAttempts, errorMessage, completedAt, metadata, newRecord,
                nextAttemptAt, Optional.of(new Claim(owner, leaseExpiresAt)), result, waitsFor);
    }

    /** Delivered at {@code at}; {@code data} is what the handler asked to keep (a backend id, say). */
    public OutboxEvent completed(Instant at, Optional<String> data) {
        return new OutboxEvent(id, eventType, operation, entityId, userId, EventStatus.COMPLETED, priority, createdAt,
                lastAttemptAt, attemptCount, maxAttempts, Optional.empty(), Optional.of(at), metadata, newRecord,
                Optional.empty(), Optional.empty(), data);
    }

    /** Failed with {@code reason}; retried at {@code retryAt}, or failed for good when it is empty. */
    public OutboxEvent failed(String reason, Optional<Instant> retryAt) {
        return new OutboxEvent(id, eventType, operation, entityId, userId, EventStatus.FAILED, priority, createdAt,
                lastAttemptAt, attemptCount, maxAttempts, Optional.of(reason), completedAt, metadata, newRecord,
                retryAt, Optional.empty(), result);
    }

    /**
     * Parked by its claimer: pending again with the claim's attempt not counted, waiting on
     * {@code awaited} for {@code reason} (kept as its error, so listings say why), looked at
     * again at {@code recheckAt} should the wake-up be missed.
     */
    public OutboxEvent waiting(UUID awaited, String reason, Instant recheckAt) {
        return new OutboxEvent(id, eventType, operation, entityId, userId, EventStatus.PENDING, priority, createdAt,
                lastAttemptAt, Math.max(0, attemptCount - 1), maxAttempts, Optional.of(reason), completedAt, metadata,
                newRecord, Optional.of(recheckAt), Optional.empty(), result, Optional.of(awaited));
    }

    /** The event it waited on completed: due at {@code now}, waiting on nothing. */
    public OutboxEvent woken(Instant now) {
        return new OutboxEvent(id, eventType, operation, entityId, userId, status, priority, createdAt, lastAttemptAt,
                attemptCount, maxAttempts, errorMessage, completedAt, metadata, newRecord, Optional.of(now), claim,
                result);
    }

    /**
     * The event it waited on failed for good, so this one does too, with {@code reason}; it
     * remembers that event, so retrying it by command revives this one.
     */
    public OutboxEvent failedWith(UUID awaited, String reason) {
        return new OutboxEvent(id, eventType, operation, entityId, userId, EventStatus.FAILED, priority, createdAt,
                lastAttemptAt, attemptCount, maxAttempts, Optional.of(reason), completedAt, metadata, newRecord,
                Optional.empty(), Optional.empty(), result, Optional.of(awaited));
    }

    /** Handed back unattempted (a graceful stop): pending again, the attempt not counted. */
    public OutboxEvent released(Instant now) {
        return new OutboxEvent(id, eventType, operation, entityId, userId, EventStatus.PENDING, priority, createdAt,
                lastAttemptAt, Math.max(0, attemptCount - 1), maxAttempts, errorMessage, completedAt, metadata,
                newRecord, Optional.of(now), Optional.empty(), result, waitsFor);
    }

    /**
     * Its worker vanished mid-attempt (lease ran out, or the process that owned the store died).
     * The attempt counts; with attempts left the event is due again at once, else it failed for good.
     */
    public OutboxEvent orphaned(Instant now, String reason) {
        if (attemptCount >= maxAttempts) {
            return failed(reason + "; no attempts left after " + attemptCount, Optional.empty());
        }
        return new OutboxEvent(id, eventType, operation, entityId, userId, EventStatus.PENDING, priority, createdAt,
                lastAttemptAt, attemptCount, maxAttempts, Optional.of(reason), completedAt, metadata, newRecord,
                Optional.of(now), Optional.empty(), result, waitsFor);
    }

    /** Retried by command: due now with a fresh set of attempts, same id (so the same idempotency key). */
    public OutboxEvent resetForRetry(Instant now) {
        return new OutboxEvent(id, eventType, operation, entityId, userId, EventStatus.PENDING, priority, createdAt,
                lastAttemptAt, 0, maxAttempts, errorMessage, Optional.empty(), metadata, newRecord,
                Optional.of(now), Optional.empty(), result, waitsFor);
    }

    /** Its claim renewed: the same owner keeps it until {@code leaseUntil}; nothing else changes. */
    public OutboxEvent leaseRenewed(Instant leaseUntil) {
        Claim current = claim.orElseThrow(() -> new IllegalStateException("event " + id + " is not claimed"));
        return new OutboxEvent(id, eventType, operation, entityId, userId, status, priority, createdAt, lastAttemptAt,
                attemptCount, maxAttempts, errorMessage, completedAt, metadata, newRecord, nextAttemptAt,
                Optional.of(new Claim(current.owner(), leaseUntil)), result);
    }

    /** The same event with {@code limit} as its attempt limit, at least 1. */
    public OutboxEvent withMaxAttempts(int limit) {
        return new OutboxEvent(id, eventType, operation, entityId, userId, status, priority, createdAt, lastAttemptAt,
                attemptCount, limit, errorMessage, completedAt, metadata, newRecord, nextAttemptAt, claim, result,
                waitsFor);
    }

    private static void requireText(String value, String name, int maxLength) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be 1 to " + maxLength + " characters, not blank");
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
