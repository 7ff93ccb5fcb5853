package io.outbox.handler;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** What a handler says about one delivery attempt: a closed set of four outcomes. */
public sealed interface HandlerResult permits HandlerResult.Done, HandlerResult.RetryLater, HandlerResult.FailedForGood,
        HandlerResult.WaitFor {

    /** Delivered. {@code data} is kept with the event (a backend id, for instance). */
    record Done(Optional<String> data) implements HandlerResult {
        /** Checks the data. */
        public Done {
            Objects.requireNonNull(data, "data");
        }
    }

    /** Not delivered this time; try again on the backoff schedule, and never before {@code notBefore}. */
    record RetryLater(String reason, Optional<Instant> notBefore) implements HandlerResult {
        /** Checks the reason and the earliest time. */
        public RetryLater {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(notBefore, "notBefore");
        }
    }

    /** The request itself is wrong; retrying cannot help. The event is kept, visible, retriable by command. */
    record FailedForGood(String reason) implements HandlerResult {
        /** Checks the reason. */
        public FailedForGood {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Not yet: the event depends on event {@code awaited} (a linked entry's create, say), which
     * has not completed. The event goes back to pending without its attempt counted, and is due
     * again as soon as {@code awaited} completes; when {@code awaited} fails for good, so does
     * this one, naming it. {@code reason} is kept as the event's error, so listings say why it
     * waits. Answering this for an event that does not exist, or for the event itself, counts as
     * an ordinary failed attempt.
     */
    record WaitFor(UUID awaited, String reason) implements HandlerResult {
        /** Checks the awaited event's id and the reason. */
        public WaitFor {
            Objects.requireNonNull(awaited, "awaited");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Delivered, with nothing to keep. */
    static HandlerResult done() {
        return new Done(Optional.empty());
    }

    /** Delivered; {@code data} (the backend's id, say) is kept with the event. */
    static HandlerResult done(String data) {
        return new Done(Optional.of(data));
    }

    /** Failed for now: tried again on the retry policy's schedule. */
    static HandlerResult retryLater(String reason) {
        return new RetryLater(reason, Optional.empty());
    }

    /** Failed for now: tried again on the schedule, but not before {@code notBefore} (a {@code Retry-After}, say). */
    static HandlerResult retryNotBefore(String reason, Instant notBefore) {
        return new RetryLater(reason, Optional.of(notBefore));
    }

    /** Will never succeed: no further attempt, the event keeps {@code reason}. */
    static HandlerResult failedForGood(String reason) {
        return new FailedForGood(reason);
    }

    /**
     * Not yet: waits, without spending an attempt, until event {@code awaitedEventId} completes
     * (then it is due at once) or fails for good (then this one fails for good too).
     */
    static HandlerResult waitFor(UUID awaitedEventId, String reason) {
        return new WaitFor(awaitedEventId, reason);
    }
}
