package io.outbox.repository;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Event {@code id}, claimed by {@code owner}, waits on event {@code awaited} for {@code reason}
 * (its handler said "not yet" at {@code at}); should its wake-up be missed it is looked at again
 * at {@code recheckAt}.
 */
public record Wait(UUID id, String owner, UUID awaited, String reason, Instant recheckAt, Instant at) {
    /** Checks that every field is given. */
    public Wait {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(awaited, "awaited");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(recheckAt, "recheckAt");
        Objects.requireNonNull(at, "at");
    }
}
