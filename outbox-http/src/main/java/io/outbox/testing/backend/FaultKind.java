package io.outbox.testing.backend;

/** The faults the stand-in backend can inject, each standing for something a real network or server does. */
public enum FaultKind {
    /** {@code 500} with an error body, without acting. */
    SERVER_ERROR,
    /** {@code 503} with {@code Retry-After: 1}, without acting. */
    UNAVAILABLE,
    /** {@code 429} with {@code Retry-After}: {@code 1}, or an HTTP-date one to two seconds ahead; without acting. */
    TOO_MANY_REQUESTS,
    /** The connection is closed without an answer, before acting. */
    DROP,
    /** The request is acted on and its answer remembered, then the connection is closed without it. */
    ACT_THEN_DROP,
    /** The answer comes after the plan's delay. */
    SLOW
}
