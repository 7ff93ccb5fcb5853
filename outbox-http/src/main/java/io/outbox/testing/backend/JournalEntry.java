package io.outbox.testing.backend;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One request the stand-in backend received and what it did with it. Immutable.
 *
 * @param status the status answered, empty when the connection was dropped instead
 * @param acted  whether the backend acted on the key (a 2xx, or a 409 on POST) and now remembers the answer
 * @param replay whether the answer was the one remembered for an already-acted key (nothing was done)
 * @param fault  the fault injected into this request, if any
 */
public record JournalEntry(String method, String path, Optional<String> idempotencyKey, OptionalInt status,
                           boolean acted, boolean replay, Optional<FaultKind> fault) {
    /** Checks that method, path and key (or its absence) are given. */
    public JournalEntry {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fault, "fault");
    }

    /** Closed without an answer. */
    public boolean dropped() {
        return status.isEmpty();
    }
}
