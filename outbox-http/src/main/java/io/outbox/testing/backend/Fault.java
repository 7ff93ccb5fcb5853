package io.outbox.testing.backend;

import io.outbox.http.RetryAfter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** One fault drawn for one request; {@code httpDate} picks the form of a 429's Retry-After. Immutable. */
record Fault(FaultKind kind, boolean httpDate) {
    Fault {
        Objects.requireNonNull(kind, "kind");
    }

    boolean is(FaultKind other) {
        return kind == other;
    }

    /** The error answer this fault gives instead of acting, or empty for faults that do not answer so. */
    Optional<Answer> answer(Instant now) {
        switch (kind) {
            case SERVER_ERROR:
                return Optional.of(Answer.error(500, "injected fault: server error"));
            case UNAVAILABLE:
                return Optional.of(Answer.error(503, "injected fault: unavailable").withHeader("Retry-After", "1"));
            case TOO_MANY_REQUESTS:
                // an HTTP-date has whole seconds: two ahead, truncated, is one to two seconds away
                String retryAfter = httpDate ? RetryAfter.httpDate(now.plusSeconds(2).truncatedTo(ChronoUnit.SECONDS)) : "1";
                return Optional.of(Answer.error(429, "injected fault: too many requests")
                        .withHeader("Retry-After", retryAfter));
            default:
                return Optional.empty();
        }
    }
}
