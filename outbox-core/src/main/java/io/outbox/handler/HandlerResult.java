package io.outbox.handler;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What a handler says about one delivery attempt: a closed set of three outcomes. */
public sealed interface HandlerResult permits HandlerResult.Done, HandlerResult.RetryLater, HandlerResult.FailedForGood {

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
}
