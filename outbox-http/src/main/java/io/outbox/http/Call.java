package io.outbox.http;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One request to the remote API: a method, a path under the base URI ({@code /api/v1/progress/{id}}),
 * a JSON body or none, and the idempotency key (the outbox event id, the same on every retry).
 * Immutable. Its {@code toString()} leaves the body out: bodies may hold private text.
 */
public record Call(Method method, String path, Optional<String> body, UUID idempotencyKey) {
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    /** The methods the remote API takes. */
    /** The methods the remote API takes: create, replace, delete. */
    public enum Method {
        /** Creates a resource. */
        POST,
        /** Replaces a resource. */
        PUT,
        /** Deletes a resource. */
        DELETE
    }

    /** Checks the path: {@code /}-separated segments of A-Za-z0-9._~-, no dot segments. */
    public Call {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (!PATH.matcher(path).matches() || path.contains("/./") || path.contains("/../")
                || path.endsWith("/.") || path.endsWith("/..")) {
            throw new IllegalArgumentException("path must be segments of A-Za-z0-9._~- each after a '/', was " + path);
        }
    }

    /** A create, with its JSON body. */
    public static Call post(String path, String jsonBody, UUID idempotencyKey) {
        return new Call(Method.POST, path, Optional.of(jsonBody), idempotencyKey);
    }

    /** A replacement, with its JSON body. */
    public static Call put(String path, String jsonBody, UUID idempotencyKey) {
        return new Call(Method.PUT, path, Optional.of(jsonBody), idempotencyKey);
    }

    /** A delete, without a body. */
    public static Call delete(String path, UUID idempotencyKey) {
        return new Call(Method.DELETE, path, Optional.empty(), idempotencyKey);
    }

    @Override
    public String toString() {
        return "Call[" + method + " " + path + ", key " + idempotencyKey
                + body.map(b -> ", body of " + b.length() + " chars").orElse(", no body") + "]";
    }
}
