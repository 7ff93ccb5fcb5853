package io.outbox.testing.backend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Plain HTTP calls to a stand-in backend, so its tests see statuses and bodies as sent. Thread-safe. */
final class RawClient {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final String token;

    RawClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The answer, or empty when the connection was dropped without one. */
    Optional<HttpResponse<String>> send(String method, String path, String body, String key) {
        return send(method, path, body, key, token);
    }

    Optional<HttpResponse<String>> send(String method, String path, String body, String key, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return Optional.of(client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException dropped) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    /** The answer, failing the test when there was none. */
    HttpResponse<String> answer(String method, String path, String body, String key) {
        return send(method, path, body, key).orElseThrow(() -> new AssertionError(method + " " + path + " got no answer"));
    }
}
