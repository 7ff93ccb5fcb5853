package io.outbox.testing.backend;

import io.outbox.http.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** An answer the stand-in gives or remembers: status, extra headers and a JSON body (empty for none). Immutable. */
record Answer(int status, Map<String, String> headers, String body) {
    Answer {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    static Answer empty(int status) {
        return new Answer(status, Map.of(), "");
    }

    static Answer json(int status, Map<String, Object> body) {
        return new Answer(status, Map.of(), Json.write(body));
    }

    static Answer error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    Answer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, more, body);
    }
}
