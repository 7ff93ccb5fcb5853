package io.outbox.testing.backend;

import java.time.Instant;
import java.util.Objects;

/**
 * A create the stand-in acted on: the collection, the client id its body carried, and when its
 * request was received, by the backend's clock, before any slow answer's delay (so how long a
 * change took to reach the backend does not count the backend's own answer time). Immutable.
 *
 * @param collection the collection created in, such as {@code progress}
 * @param clientId   the body's {@code client_id}
 * @param receivedAt when the request had been read off the wire
 */
public record Arrival(String collection, String clientId, Instant receivedAt) {
    /** Checks that every field is given. */
    public Arrival {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
