package io.outbox.testing.backend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry the stand-in backend holds: its backend id, the client id it was created with, the
 * last body stored (as parsed JSON, key order kept) and how many versions it has had (1 when
 * created, one more per PUT). Immutable.
 */
public record Resource(String backendId, String clientId, Map<String, Object> body, int version) {
    /** Checks the ids and the version (at least 1) and keeps an unmodifiable copy of the body. */
    public Resource {
        Objects.requireNonNull(backendId, "backendId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(body, "body");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        // a JSON body may hold nulls, so Map.copyOf will not do
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }
}
