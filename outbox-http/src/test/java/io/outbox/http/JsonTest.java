package io.outbox.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The strict JSON reader and writer core uses for API bodies. */
class JsonTest {

    @Test
    void givenApiBody_whenParsed_thenTypedValuesInKeyOrder() {
        Object parsed = Json.parse("{\"client_id\":\"c-1\",\"valence\":-0.25,\"labels\":[\"calm\",\"rested\"],"
                + "\"note\":null,\"done\":true,\"count\":0,\"big\":12345678901234567890,\"exp\":1.5e3}");

        assertThat(parsed).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) parsed;
        assertThat(body.keySet()).containsExactly("client_id", "valence", "labels", "note", "done", "count", "big", "exp");
        assertThat(body.get("client_id")).isEqualTo("c-1");
        assertThat(body.get("valence")).isEqualTo(new BigDecimal("-0.25"));
        assertThat(body.get("labels")).isEqualTo(List.of("calm", "rested"));
        assertThat(body.containsKey("note")).isTrue();
        assertThat(body.get("note")).isNull();
        assertThat(body.get("done")).isEqualTo(Boolean.TRUE);
        assertThat(body.get("count")).isEqualTo(BigDecimal.ZERO);
        assertThat(body.get("big")).isEqualTo(new BigDecimal("12345678901234567890"));
        assertThat(((BigDecimal) body.get("exp")).compareTo(new BigDecimal("1500"))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", "[]", "\"\"", "0", "-1", "72.0", "1E+3", "true", "false", "null",
        "{\"a\":{\"b\":[1,2,{\"c\":null}]},\"d\":\"e\"}",
        "[\"caf\u00e9 \ud83d\ude00 \u65e5\u672c\",\"\\\"quoted\\\" \\\\ back\",\"line\\nbreak\\ttab\"]"
    })
    void givenCompactJson_whenParsedAndWritten_thenSameText(String text) {
        assertThat(Json.write(Json.parse(text))).isEqualTo(text);
    }

    @Test
    void givenWhitespaceAndEscapes_whenParsed_thenDecoded() {
        Object parsed = Json.parse(" \n\t{ \"k\" : [ \"\\u00e9\\ud83d\\ude00\\/\\b\\f\\r\" ] } \r\n");

        assertThat(parsed).isEqualTo(Map.of("k", List.of("\u00e9\ud83d\ude00/\b\f\r")));
    }

    @Test
    void givenSpecialCharacters_whenWritten_thenEscapedAndNonAsciiKept() {
        String written = Json.write(Arrays.asList("quote \" back \\ slash /", "\u0000\u0001\u001f\n\r\t\b\f",
                "caf\u00e9 \ud83d\ude00", "\u007f"));

        assertThat(written).isEqualTo("[\"quote \\\" back \\\\ slash /\",\"\\u0000\\u0001\\u001f\\n\\r\\t\\b\\f\","
                + "\"caf\u00e9 \ud83d\ude00\",\"\u007f\"]");
        assertThat(Json.parse(written)).isEqualTo(Arrays.asList("quote \" back \\ slash /",
                "\u0000\u0001\u001f\n\r\t\b\f", "caf\u00e9 \ud83d\ude00", "\u007f"));
    }

    @Test
    void givenJavaValues_whenWritten_thenCompactJsonInMapOrder() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", "c-1");
        body.put("quantity", 72.5);
        body.put("steps", 10_000L);
        body.put("count", 3);
        body.put("exact", new BigDecimal("0.10"));
        body.put("huge", new BigInteger("123456789012345678901234567890"));
        body.put("note", null);
        body.put("labels", List.of());
        body.put("flag", false);

        assertThat(Json.write(body)).isEqualTo("{\"client_id\":\"c-1\",\"quantity\":72.5,\"steps\":10000,\"count\":3,"
                + "\"exact\":0.10,\"huge\":123456789012345678901234567890,\"note\":null,\"labels\":[],\"flag\":false}");
    }

    // positions are Jackson's: mostly the offending character, but the digit after a '+', the end of
    // a repeated key and the end of NaN
    @ParameterizedTest(name = "{0} fails at {1}")
    @CsvSource(delimiter = '|', value = {
        "''                  | 0",
        "'   '               | 3",
        "'{\"a\":1,}'        | 7",
        "'[1,]'              | 3",
        "'[1 2]'             | 3",
        "'{\"a\" 1}'         | 5",
        "'{a:1}'             | 1",
        "'\"abc'             | 4",
        "'01'                | 1",
        "'-'                 | 1",
        "'1.'                | 1",
        "'1e'                | 2",
        "'.5'                | 0",
        "'+1'                | 1",
        "'tru'               | 0",
        "'nul'               | 0",
        "'{} x'              | 3",
        "'[\"a\\x\"]'        | 4",
        "'\"\\u12G4\"'       | 5",
        "'{\"a\":1,\"a\":2}' | 10",
        "'// c'              | 0",
        "'[NaN]'             | 4",
        "'{\"a\":1'          | 6"
    })
    void givenBadJson_whenParsed_thenJsonExceptionAtThePosition(String text, int position) {
        JsonException error = catchThrowableOfType(JsonException.class, () -> Json.parse(text));

        assertThat(error).isNotNull();
        assertThat(error.position()).isEqualTo(position);
        assertThat(error).hasMessageEndingWith("at position " + position).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenControlCharacterInString_whenParsed_thenRejectedWhereItIs() {
        JsonException error = catchThrowableOfType(JsonException.class, () -> Json.parse("[\"ab\ncd\"]"));

        assertThat(error.position()).isEqualTo(4);
        assertThat(error).hasMessageContaining("control character U+000A");
    }

    @Test
    void givenDuplicateKey_whenParsed_thenRefusedAsDuplicate() {
        assertThatThrownBy(() -> Json.parse("{\"a\":{\"b\":1,\"b\":1}}")).isInstanceOf(JsonException.class)
                .hasMessage("duplicate key at position 15");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"content\":\"my secret diary entry\" oops}",
        "{\"content\":secret diary}",
        "{\"secret diary\":1,\"secret diary\":2}",
        "[\"secret diary\"] secret"
    })
    void givenPrivateText_whenItFailsToParse_thenTheMessageDoesNotQuoteIt(String text) {
        JsonException error = catchThrowableOfType(JsonException.class, () -> Json.parse(text));

        assertThat(error.getMessage()).doesNotContain("secret").doesNotContain("diary").doesNotContain("\n");
    }

    @Test
    void givenDeepNesting_whenParsed_thenJsonExceptionNotStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(JsonException.class).hasMessageContaining("nesting");
        assertThat(Json.parse("[".repeat(500) + "]".repeat(500))).isInstanceOf(List.class);
    }

    @Test
    void givenHugeExponent_whenParsed_thenJsonException() {
        assertThatThrownBy(() -> Json.parse("1e99999999999")).isInstanceOf(JsonException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void givenParsedValues_whenChanged_thenRefused() {
        Map<String, Object> object = Json.parseObject("{\"a\":[1]}");

        assertThatThrownBy(() -> object.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) object.get("a")).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void givenArrayText_whenParsedAsObject_thenJsonException() {
        assertThatThrownBy(() -> Json.parseObject("[1]")).isInstanceOf(JsonException.class)
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void givenValuesJsonCannotHold_whenWritten_thenIllegalArgument() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);

        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Float.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Map.of(1, "one"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(cycle)).isInstanceOf(IllegalArgumentException.class);
    }
}
