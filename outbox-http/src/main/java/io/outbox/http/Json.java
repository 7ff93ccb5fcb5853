package io.outbox.http;

import java.util.Map;

/**
 * Strict JSON (RFC 8259) for the API bodies, so core needs no JSON library. Stateless and thread-safe.
 *
 * <p>Reading gives {@code Map<String, Object>} (keys in their order, unmodifiable), {@code List<Object>}
 * (unmodifiable), {@code String}, {@code java.math.BigDecimal}, {@code Boolean} or {@code null}. It
 * rejects comments, trailing commas, leading zeros, control characters in strings, duplicate keys,
 * content after the value and nesting deeper than 512.
 *
 * <p>Writing takes maps with string keys, lists (any collection), strings, numbers, booleans and
 * {@code null}, and gives compact text; non-ASCII characters are kept as they are (UTF-8 on the wire).
 */
public final class Json {
    private Json() {
    }

    /** The value {@code text} holds; throws {@link JsonException} with the position of the first error. */
    public static Object parse(String text) {
        return JsonReader.read(text);
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
        return JsonWriter.write(value);
    }
}
