package io.outbox.testing.backend;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One request as read off the wire, and when it had been read. It keeps whether the bearer token
 * matched, never the token. Immutable (the body array is never handed out).
 */
record Incoming(String method, String path, Optional<String> key, boolean authorized, boolean json, byte[] body,
                Instant receivedAt) {
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final Pattern JSON_TYPE = Pattern.compile("application/json\\s*(;.*)?");
    private static final String BEARER = "Bearer ";

    static Incoming read(HttpExchange exchange, byte[] expectedToken, Clock clock) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        return new Incoming(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getRawPath(),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Idempotency-Key")),
                bearerMatches(exchange.getRequestHeaders().getFirst("Authorization"), expectedToken),
                contentType != null && JSON_TYPE.matcher(contentType.toLowerCase(Locale.ROOT)).matches(),
                body, clock.instant());
    }

    boolean tooLarge() {
        return body.length > MAX_BODY_BYTES;
    }

    /** The body as text, or empty when it is not well-formed UTF-8. */
    Optional<String> text() {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "Incoming[" + method + " " + path + ", key " + key.orElse("none") + "]";
    }

    private static boolean bearerMatches(String header, byte[] expected) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] given = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected);
    }
}
