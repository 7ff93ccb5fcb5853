package io.outbox.http;

import io.outbox.InvalidConfigurationException;
import io.outbox.handler.HandlerResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The remote API of docs/remote-api.md over HTTP: sends one {@link Call} with the bearer token and the
 * idempotency key, and says what the answer means to the outbox. Never throws for an answer or a
 * network failure: those are results. Thread-safe; make one per app and share it.
 */
public final class RemoteApi {
    /** How long one request may take unless told: 10 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(RemoteApi.class);
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+");

    private final URI baseUri;
    private final String token;
    private final Duration requestTimeout;
    private final Clock clock;
    private final AnswerMapping mapping;
    private final HttpClient client;

    private RemoteApi(Builder builder) {
        this.baseUri = checkedBase(builder.baseUri);
        this.token = checkedToken(builder.token);
        this.requestTimeout = checkedTimeout(builder.requestTimeout);
        this.clock = Objects.requireNonNull(builder.clock, "clock");
        this.mapping = new AnswerMapping(token);
        this.client = HttpClient.newBuilder()
                .connectTimeout(requestTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // over plain http an h2c upgrade is never wanted; over https ALPN picks the version
                .version("https".equals(baseUri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** An API at {@code baseUri} with the default request timeout (10 s) and the system clock. */
    public static RemoteApi create(URI baseUri, String token) {
        return builder(baseUri, token).build();
    }

    /** A client of the API at {@code baseUri} that sends {@code token} as its bearer token. */
    public static Builder builder(URI baseUri, String token) {
        return new Builder(baseUri, token);
    }

    /** Sends {@code call} once and maps the answer, or its absence, per the contract. */
    public HandlerResult send(Call call) {
        Objects.requireNonNull(call, "call");
        try {
            HttpResponse<String> response = client.send(request(call),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            log.debug("{} {} answered {} (key {})", call.method(), call.path(), response.statusCode(),
                    call.idempotencyKey());
            return mapping.map(call.method(), response.statusCode(), response.headers().firstValue("Retry-After"),
                    response.body(), clock.instant());
        } catch (HttpTimeoutException timeout) {
            return noAnswer(call, "timeout after " + human(requestTimeout));
        } catch (ConnectException refused) {
            return noAnswer(call, "connection refused");
        } catch (IOException failed) {
            String detail = failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
            return noAnswer(call, "connection failed: " + AnswerMapping.oneLine(mapping.masked(detail),
                    AnswerMapping.MAX_RAW_TEXT));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return noAnswer(call, "interrupted");
        }
    }

    /** Where the API is. */
    public URI baseUri() {
        return baseUri;
    }

    /** How long one request may take before it counts as no answer. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    @Override
    public String toString() {
        return "RemoteApi[" + baseUri + ", request timeout " + human(requestTimeout) + ", token redacted]";
    }

    private HttpRequest request(Call call) {
        HttpRequest.BodyPublisher body = call.body()
                .map(text -> HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .orElseGet(HttpRequest.BodyPublishers::noBody);
        return HttpRequest.newBuilder(URI.create(baseUri + call.path()))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", call.idempotencyKey().toString())
                .method(call.method().name(), body)
                .build();
    }

    private static HandlerResult noAnswer(Call call, String reason) {
        log.debug("{} {} got no answer: {} (key {})", call.method(), call.path(), reason, call.idempotencyKey());
        return HandlerResult.retryLater(reason);
    }

    private static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /**
     * Whether {@code uri} can be an API base: http or https with a host and no user info, query or
     * fragment (a password in the URL would reach logs; the token travels in a header).
     */
    public static boolean isUsableBase(URI uri) {
        boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
        return http && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawQuery() == null
                && uri.getRawFragment() == null;
    }

    /** The base without a trailing slash, so {@code base + path} is the request URI. */
    private static URI checkedBase(URI uri) {
        Objects.requireNonNull(uri, "baseUri");
        if (!isUsableBase(uri)) {
            throw new InvalidConfigurationException(
                    "the API base must be an http or https URI with a host and no user info, query or fragment");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    private static String checkedToken(String token) {
        Objects.requireNonNull(token, "token");
        if (!TOKEN.matcher(token).matches()) {
            // the message must not quote the token
            throw new InvalidConfigurationException("the API token must be one or more visible ASCII characters");
        }
        return token;
    }

    private static Duration checkedTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "requestTimeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidConfigurationException("the request timeout must be positive, was " + timeout);
        }
        return timeout;
    }

    /**
     * Settings of a {@link RemoteApi}; {@link #build()} checks them. Not thread-safe.
     * Defaults: request timeout 10 s (also the connect timeout), the system UTC clock (for {@code Retry-After}).
     */
    public static final class Builder {
        private final URI baseUri;
        private final String token;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder(URI baseUri, String token) {
            this.baseUri = baseUri;
            this.token = token;
        }

        /** How long one request may take (10 s by default). */
        public Builder requestTimeout(Duration value) {
            requestTimeout = value;
            return this;
        }

        /** The clock {@code Retry-After} dates are read against (the system UTC clock by default). */
        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /** The client; checks the URI, the token and the timeout. */
        public RemoteApi build() {
            return new RemoteApi(this);
        }
    }
}
