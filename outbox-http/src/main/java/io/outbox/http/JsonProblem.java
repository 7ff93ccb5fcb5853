package io.outbox.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns Jackson's parse failures into {@link JsonException}s that say where and what, in words of our
 * own: Jackson's messages quote tokens of the input, and bodies may hold private text. Stateless and
 * thread-safe.
 */
final class JsonProblem {
    /**
     * Fragments of Jackson's messages and what we say instead; the first fragment found wins. The two
     * families whose messages quote more than one character of the input come first, so that quoted
     * text cannot match a later fragment.
     */
    private static final List<Map.Entry<String, String>> PHRASES = List.of(
            Map.entry("Duplicate field", "duplicate key"),
            Map.entry("Unrecognized token", "expected a JSON value"),
            Map.entry("Non-standard token", "NaN and Infinity are not JSON numbers"),
            Map.entry("end-of-input", "unexpected end of input"),
            Map.entry("Trailing token", "unexpected content after the value"),
            Map.entry("close marker", "unexpected closing bracket"),
            Map.entry("start field name", "expected a string key"),
            Map.entry("colon to separate", "expected ':'"),
            Map.entry("comma to separate", "expected ',' or a closing bracket"),
            Map.entry("comment", "comments are not JSON"),
            Map.entry("numeric value", "invalid number"),
            Map.entry("escape", "invalid escape"),
            Map.entry("valid value", "expected a JSON value"),
            Map.entry("Illegal character", "control character outside a string"),
            Map.entry("nesting depth", "nesting deeper than " + Json.MAX_DEPTH),
            Map.entry("value length", "number or string too long"),
            Map.entry("Name length", "key too long"));

    private JsonProblem() {
    }

    /** {@code failure} as {@link Json#parse} reports it; {@code parser} read {@code text} and failed. */
    static JsonException of(Exception failure, JsonParser parser, String text) {
        if (failure instanceof NumberFormatException) {
            // Jackson lets a number too large for BigDecimal through untranslated and without a location
            return new JsonException("number out of range", position(parser.currentTokenLocation()));
        }
        JsonProcessingException rejected = (JsonProcessingException) failure;
        int position = position(rejected.getLocation(), parser.currentTokenLocation(), parser.currentLocation());
        return new JsonException(problem(rejected.getOriginalMessage(), text, position), position);
    }

    private static String problem(String jacksonMessage, String text, int position) {
        if (jacksonMessage.startsWith("Illegal unquoted character") && position < text.length()) {
            return String.format("control character U+%04X in a string", (int) text.charAt(position));
        }
        return PHRASES.stream().filter(phrase -> jacksonMessage.contains(phrase.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("invalid JSON");
    }

    /** The first known character offset: Jackson leaves some failures without a location. */
    private static int position(JsonLocation... candidates) {
        return Stream.of(candidates).filter(location -> location != null && location.getCharOffset() >= 0)
                .mapToInt(location -> (int) location.getCharOffset()).findFirst().orElse(0);
    }
}
