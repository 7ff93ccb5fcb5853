package io.outbox.tools.migration.mapping;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** How payloads are classified for inspect, and which key of a pair is read. */
class PayloadTest {
    @Test
    void givenSnakeKeysOnly_whenRead_thenSnake() {
        assertThat(shape("{\"id\": 1, \"user_id\": \"u\", \"logged_at\": \"x\"}")).isEqualTo(PayloadShape.SNAKE);
    }

    @Test
    void givenCamelKeysOnly_whenRead_thenCamel() {
        assertThat(shape("{\"id\": 1, \"userId\": \"u\"}")).isEqualTo(PayloadShape.CAMEL);
    }

    @Test
    void givenBothStyles_whenRead_thenMixed() {
        assertThat(shape("{\"user_id\": \"u\", \"loggedAt\": \"x\"}")).isEqualTo(PayloadShape.MIXED);
    }

    @Test
    void givenOneWordKeysOnly_whenRead_thenPlain() {
        assertThat(shape("{\"id\": 1, \"note\": \"walk\"}")).isEqualTo(PayloadShape.PLAIN);
        assertThat(shape("{}")).isEqualTo(PayloadShape.PLAIN);
    }

    @Test
    void givenEmptyBlankOrBomOnly_whenRead_thenEmpty() {
        assertThat(shape("")).isEqualTo(PayloadShape.EMPTY);
        assertThat(shape(" \r\n\t")).isEqualTo(PayloadShape.EMPTY);
        assertThat(shape("\uFEFF ")).isEqualTo(PayloadShape.EMPTY);
    }

    @Test
    void givenJsonThatIsNoObject_whenRead_thenNotObject() {
        assertThat(shape("[1]")).isEqualTo(PayloadShape.NOT_OBJECT);
        assertThat(shape("\"text\"")).isEqualTo(PayloadShape.NOT_OBJECT);
        assertThat(shape("null")).isEqualTo(PayloadShape.NOT_OBJECT);
    }

    @Test
    void givenTextThatIsNoJson_whenRead_thenNotJson() {
        assertThat(shape("mood: calm")).isEqualTo(PayloadShape.NOT_JSON);
        assertThat(shape("{\"a\": 1} {\"b\": 2}")).isEqualTo(PayloadShape.NOT_JSON);
    }

    @Test
    void givenBytesThatAreNoUtf8_whenRead_thenNotUtf8() {
        assertThat(Payload.read(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x41}).shape()).isEqualTo(PayloadShape.NOT_UTF8);
    }

    @Test
    void givenLeadingBom_whenRead_thenTheObjectIsReadAndTheBomNoted() {
        Payload payload = Payload.read("\uFEFF{\"user_id\": \"u\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(payload.shape()).isEqualTo(PayloadShape.SNAKE);
        assertThat(payload.byteOrderMark()).isTrue();
        assertThat(payload.value("user_id").map(v -> v.asText())).contains("u");
    }

    @Test
    void givenSnakeKeyHoldingAnyValue_whenAPairIsRead_thenTheSnakeValue() {
        Payload payload = Payload.read("{\"user_id\": 42, \"userId\": \"camel\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(payload.value("user_id", "userId").map(v -> v.asInt())).contains(42);
    }

    private static PayloadShape shape(String text) {
        return Payload.read(text.getBytes(StandardCharsets.UTF_8)).shape();
    }
}
