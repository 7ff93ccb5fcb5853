package io.outbox.listener;

import io.outbox.OutboxException;
import io.outbox.event.OutboxEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Hooks into the processor's work, for metrics and logs. Every method has a no-op default.
 * Called from processor threads: implementations must be thread-safe and quick. An
 * exception thrown here is logged and ignored; it never stops delivery.
 */
public interface OutboxListener {
    /** A listener that does nothing: the default. */
    OutboxListener NONE = new OutboxListener() {
    };

    /** A batch was claimed. */
    default void claimed(List<OutboxEvent> events) {
    }

    /**
     * Delivered.
     *
     * @param handlerTime how long the handler took
     * @param latency     from the event's creation to its completion
     */
    default void delivered(OutboxEvent event, Duration handlerTime, Duration latency) {
    }

    /** An attempt failed; the event is tried again at {@code nextAttemptAt}. */
    default void retried(OutboxEvent event, String reason, Instant nextAttemptAt) {
    }

    /**
     * As {@link #retried(OutboxEvent, String, Instant)}, with how long the failed handler call
     * took; the processor calls this one, which by default passes on to the other.
     */
    default void retried(OutboxEvent event, String reason, Instant nextAttemptAt, Duration handlerTime) {
        retried(event, reason, nextAttemptAt);
    }

    /** The event failed for good; it is kept and can be retried by command. */
    default void failedForGood(OutboxEvent event, String reason) {
    }

    /**
     * As {@link #failedForGood(OutboxEvent, String)}, with how long the last handler call took;
     * the processor calls this one, which by default passes on to the other.
     */
    default void failedForGood(OutboxEvent event, String reason, Duration handlerTime) {
        failedForGood(event, reason);
    }

    /** Events whose worker vanished came back. */
    default void reclaimed(int count) {
    }

    /** Completed events past retention were deleted. */
    default void cleanedUp(int count) {
    }

    /** The store failed; the processor backs off and tries again. */
    default void storeFailed(OutboxException failure) {
    }

    /**
     * The handler said "not yet": the event waits, its attempt not counted, until event
     * {@code awaited} completes (or fails for good); {@code reason} says why.
     */
    default void waiting(OutboxEvent event, UUID awaited, String reason) {
    }
}
