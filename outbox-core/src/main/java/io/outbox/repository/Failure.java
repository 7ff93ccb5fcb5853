package io.outbox.repository;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An attempt at event {@code id} by {@code owner} failed; retried at {@code retryAt}, or failed for good when empty. */
public record Failure(UUID id, String owner, Instant at, String reason, Optional<Instant> retryAt) {
    /** Checks that id, owner, time, reason and retry time (or its absence) are given. */
    public Failure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(retryAt, "retryAt");
    }
}
