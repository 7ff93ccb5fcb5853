package io.outbox.http;

import io.outbox.handler.HandlerResult;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an HTTP answer into what the outbox does with the event, row by row as in the table
 * "What each answer means to the outbox" of docs/remote-api.md. Every reason it builds has the
 * secret (the API token) masked, whatever the server echoed. Immutable and thread-safe.
 */
final class AnswerMapping {
    static final int MAX_RAW_TEXT = 200;
    static final int MAX_MESSAGE = 1000;
    private static final String MASK = "[redacted]";

    private final String secret;

    AnswerMapping(String secret) {
        this.secret = secret;
    }

    HandlerResult map(Call.Method method, int status, Optional<String> retryAfter, String body, Instant now) {
        if (status >= 200 && status < 300) {
            return success(method, status, body);
        }
        if (status == 409 && method == Call.Method.POST) {
            return idIn(body).map(HandlerResult::done).orElseGet(() -> HandlerResult.failedForGood(reason(status, body)));
        }
        if (status == 404 && method == Call.Method.DELETE) {
            return HandlerResult.done();
        }
        if (status == 401 || status == 403) {
            String detail = errorText(body);
            return HandlerResult.retryLater("HTTP " + status + ": the API token was rejected"
                    + (detail.isEmpty() ? "" : " (" + detail + ")"));
        }
        if (status == 429 || status == 503) {
            String reason = reason(status, body);
            return retryAfter.flatMap(value -> RetryAfter.parse(value, now))
                    .map(at -> HandlerResult.retryNotBefore(reason, at))
                    .orElseGet(() -> HandlerResult.retryLater(reason));
        }
        if (status == 408 || (status >= 500 && status < 600)) {
            return HandlerResult.retryLater(reason(status, body));
        }
        if (status >= 400 && status < 500) {
            return HandlerResult.failedForGood(reason(status, body));
        }
        // 1xx, 3xx (redirects are not followed) and nonsense: not in the contract, so not final
        return HandlerResult.retryLater("HTTP " + status + ": unexpected answer");
    }

    /** {@code text} with the secret masked: for reasons built from exceptions, too. */
    String masked(String text) {
        return text.replace(secret, MASK);
    }

    private HandlerResult success(Call.Method method, int status, String body) {
        if (status != 201) {
            return HandlerResult.done();
        }
        Optional<String> id = idIn(body);
        if (id.isEmpty() && method == Call.Method.POST) {
            // without the id the entity could never be updated or deleted remotely: make it visible
            return HandlerResult.failedForGood("HTTP 201 without a backend id in its body");
        }
        return id.map(HandlerResult::done).orElseGet(HandlerResult::done);
    }

    private String reason(int status, String body) {
        String text = errorText(body);
        return text.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + text;
    }

    /** The server's {@code error} message, or else the raw body, on one line and cut short. */
    private String errorText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        Optional<Object> error = jsonObject(body).map(object -> object.get("error"));
        if (error.isPresent() && error.get() instanceof String) {
            return masked(oneLine((String) error.get(), MAX_MESSAGE));
        }
        return masked(oneLine(body, MAX_RAW_TEXT));
    }

    private static Optional<String> idIn(String body) {
        return jsonObject(body).map(object -> object.get("id"))
                .filter(id -> id instanceof String && !((String) id).isBlank())
                .map(String.class::cast);
    }

    private static Optional<Map<String, Object>> jsonObject(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.parseObject(body));
        } catch (JsonException notJson) {
            return Optional.empty();
        }
    }

    static String oneLine(String text, int max) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }
}
