package io.outbox.repository;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Event {@code id}, claimed by {@code owner}, was delivered at {@code at}; {@code data} is kept with it. */
public record Completion(UUID id, String owner, Instant at, Optional<String> data) {
    /** Checks that id, owner, time and data are given. */
    public Completion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(data, "data");
    }
}
