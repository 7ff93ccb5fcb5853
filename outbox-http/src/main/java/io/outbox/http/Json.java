package io.outbox.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * Strict JSON (RFC 8259) for the API bodies, read and written by Jackson, the project's one JSON
 * library, so core needs none. Stateless and thread-safe.
 *
 * <p>Reading gives {@code Map<String, Object>} (keys in their order, unmodifiable), {@code List<Object>}
 * (unmodifiable), {@code String}, {@code java.math.BigDecimal} (every number, as written), {@code Boolean}
 * or {@code null}. It rejects comments, trailing commas, leading zeros, control characters in strings,
 * duplicate keys, content after the value and nesting deeper than {@value #MAX_DEPTH}.
 *
 * <p>Writing takes maps with string keys, lists (any collection), strings, numbers, booleans and
 * {@code null}, and gives compact text; non-ASCII characters are kept as they are (UTF-8 on the wire).
 */
public final class Json {
    /** The deepest nesting read or written. */
    static final int MAX_DEPTH = 512;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // bodies may hold private text, so no error may quote them
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // a number reads as it was written: 70.0 stays 70.0
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();

    private Json() {
    }

    /** The value {@code text} holds; throws {@link JsonException} with the position of the first error. */
    public static Object parse(String text) {
        Objects.requireNonNull(text, "text");
        try (JsonParser parser = MAPPER.createParser(text)) {
            try {
                return JsonValues.toJava(MAPPER.readValue(parser, JsonNode.class));
            } catch (JsonProcessingException | NumberFormatException rejected) {
                throw JsonProblem.of(rejected, parser, text);
            }
        } catch (IOException closing) {
            throw new UncheckedIOException(closing); // a parser over a String does no I/O
        }
    }

    /** Like {@link #parse} for text that must hold an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new JsonException("expected a JSON object", 0);
        }
        return (Map<String, Object>) value;
    }

    /** Compact JSON for {@code value}; throws {@link IllegalArgumentException} for what JSON cannot hold. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(JsonValues.toTree(value));
        } catch (JsonProcessingException unwritable) {
            throw new UncheckedIOException(unwritable); // the tree holds only what JSON can
        }
    }
}
