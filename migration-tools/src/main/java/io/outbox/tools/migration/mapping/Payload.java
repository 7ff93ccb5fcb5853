package io.outbox.tools.migration.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * A legacy payload decoded: its shape, its top-level JSON object when it is one, and the
 * metadata it becomes. Immutable as long as nobody modifies the JSON tree, which the mapping only reads.
 *
 * @param metadata the object's JSON text (byte order mark and surrounding white space dropped);
 *                 {@code {"legacy_payload_base64": ...}} of the original bytes for any other
 *                 non-blank payload; empty for an empty or blank one
 */
public record Payload(PayloadShape shape, boolean byteOrderMark, Optional<JsonNode> object, Optional<String> metadata) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final char BOM = '\uFEFF';

    public Payload {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(metadata, "metadata");
        if (object.isPresent() && (metadata.isEmpty() || !object.get().isObject())) {
            throw new IllegalArgumentException("a payload's object is a JSON object, and its metadata");
        }
    }

    /** Decodes the bytes; never fails: whatever they are, they have a shape and become some metadata. */
    public static Payload read(byte[] bytes) {
        Optional<String> decoded = utf8(bytes);
        if (decoded.isEmpty()) {
            return new Payload(PayloadShape.NOT_UTF8, false, Optional.empty(), Optional.of(base64(bytes)));
        }
        String text = decoded.get();
        boolean bom = !text.isEmpty() && text.charAt(0) == BOM;
        if (bom) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return new Payload(PayloadShape.EMPTY, bom, Optional.empty(), Optional.empty());
        }
        Optional<JsonNode> tree = parse(text);
        if (tree.isEmpty()) {
            return new Payload(PayloadShape.NOT_JSON, bom, Optional.empty(), Optional.of(base64(bytes)));
        }
        if (!tree.get().isObject()) {
            return new Payload(PayloadShape.NOT_OBJECT, bom, Optional.empty(), Optional.of(base64(bytes)));
        }
        return new Payload(keyStyle(tree.get()), bom, tree, Optional.of(text.strip()));
    }

    /**
     * The value under {@code snakeKey}, else under {@code camelKey}: where both keys exist the
     * snake_case one wins, whatever it holds. A key holding JSON {@code null} counts as absent.
     */
    public Optional<JsonNode> value(String snakeKey, String camelKey) {
        Optional<JsonNode> snake = value(snakeKey);
        return snake.isPresent() ? snake : value(camelKey);
    }

    /** The value under {@code key}; JSON {@code null} counts as absent. */
    public Optional<JsonNode> value(String key) {
        return object.map(o -> o.get(key)).filter(v -> !v.isNull());
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> parse(String text) {
        try {
            return Optional.of(JSON.readTree(text));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    private static String base64(byte[] bytes) {
        return JSON.createObjectNode().put("legacy_payload_base64", Base64.getEncoder().encodeToString(bytes)).toString();
    }

    private static PayloadShape keyStyle(JsonNode object) {
        boolean snake = false;
        boolean camel = false;
        for (Iterator<String> keys = object.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (key.indexOf('_') >= 0) {
                snake = true;
            } else if (!key.equals(key.toLowerCase(java.util.Locale.ROOT))) {
                camel = true;
            }
        }
        if (snake && camel) {
            return PayloadShape.MIXED;
        }
        return snake ? PayloadShape.SNAKE : camel ? PayloadShape.CAMEL : PayloadShape.PLAIN;
    }
}
