package io.outbox.metadata;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Typed event metadata: app records stored as JSON, read back exactly, never holding the user's words. */
class TypedMetadataTest {
    enum Kind { WEIGHT, STEPS }

    record Change(Kind kind, double quantity, String unit, Instant at, LocalDate day, Optional<UUID> linkedId,
                  int wordCount, long total, boolean backfilled, BigDecimal exact) {
        Change {
            if (wordCount < 0) {
                throw new IllegalArgumentException("wordCount must not be negative, was " + wordCount);
            }
        }
    }

    record Older(double quantity) {
    }

    record WithNote(int valence, String note) {
    }

    record WithLabels(List<String> tags) {
    }

    record WithLabelText(String label) {
    }

    private static final UUID LINK = UUID.fromString("3f0c8e9a-1b2c-4d5e-8f90-a1b2c3d4e5f6");
    private static final Change CHANGE = new Change(Kind.WEIGHT, 72.5, "kg", Instant.parse("2026-12-01T08:00:00Z"),
            LocalDate.parse("2026-12-01"), Optional.of(LINK), 12, 9_000_000_000L, true, new BigDecimal("0.10"));

    @Test
    void givenRecord_whenWritten_thenOneSnakeCaseKeyPerComponentInOrder() {
        assertThat(TypedMetadata.write(CHANGE)).isEqualTo("{\"kind\":\"weight\",\"quantity\":72.5,\"unit\":\"kg\","
                + "\"at\":\"2026-12-01T08:00:00Z\",\"day\":\"2026-12-01\",\"linked_id\":\"" + LINK + "\","
                + "\"word_count\":12,\"total\":9000000000,\"backfilled\":true,\"exact\":0.10}");
    }

    @Test
    void givenWrittenRecord_whenRead_thenEqualRecord() {
        assertThat(TypedMetadata.read(TypedMetadata.of(CHANGE), Change.class)).contains(CHANGE);
        Change unlinked = new Change(Kind.STEPS, 8000, "count", CHANGE.at(), CHANGE.day(), Optional.empty(), 0, 0,
                false, BigDecimal.ONE);
        assertThat(TypedMetadata.write(unlinked)).contains("\"linked_id\":null");
        assertThat(TypedMetadata.read(TypedMetadata.of(unlinked), Change.class)).contains(unlinked);
    }

    @Test
    void givenMetadataOfAnotherShape_whenRead_thenEmptySoOldEventsKeepTheirs() {
        assertThat(TypedMetadata.read(Optional.of("{\"origin\":\"lume\"}"), Change.class)).isEmpty();
        assertThat(TypedMetadata.read(Optional.empty(), Change.class)).isEmpty();
        assertThat(TypedMetadata.read(Optional.of("not json"), Change.class)).isEmpty();
        assertThat(TypedMetadata.read(Optional.of("[1]"), Older.class)).isEmpty();
        assertThat(TypedMetadata.read(Optional.of("{\"quantity\":1,\"extra\":2}"), Older.class)).isEmpty();
        assertThat(TypedMetadata.read(Optional.of("{\"quantity\":\"1\"}"), Older.class)).isEmpty();
        assertThat(TypedMetadata.read(Optional.of("{\"quantity\":null}"), Older.class)).isEmpty();
        assertThat(TypedMetadata.read(Optional.of("{\"quantity\":1}"), Older.class)).contains(new Older(1));
    }

    @Test
    void givenStoredValuesTheRecordRefuses_whenRead_thenEmpty() {
        String negative = TypedMetadata.write(CHANGE).replace("\"word_count\":12", "\"word_count\":-1");

        assertThat(TypedMetadata.read(Optional.of(negative), Change.class)).isEmpty();
    }

    @Test
    void givenInvalidValues_whenRecordBuilt_thenRefusedBeforeAnyTextExists() {
        assertThatThrownBy(() -> new Change(Kind.WEIGHT, 1, "kg", CHANGE.at(), CHANGE.day(), Optional.empty(), -3, 0,
                false, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wordCount");
    }

    @Test
    void givenComponentNamedLikePrivateText_whenWritten_thenRefusedNamingIt() {
        assertThatThrownBy(() -> TypedMetadata.write(new WithNote(1, "my day")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WithNote.note is named like private text");
        assertThatThrownBy(() -> TypedMetadata.check(WithLabelText.class))
                .hasMessageContaining("WithLabelText.label is named like private text");
    }

    @Test
    void givenListComponent_whenChecked_thenRefusedSayingWhatIsAccepted() {
        assertThatThrownBy(() -> TypedMetadata.check(WithLabels.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WithLabels.tags is a List; use numbers, booleans, UUID, Instant, LocalDate");
    }

    @Test
    void givenLongString_whenWritten_thenRefusedAsNotACode() {
        Change wordy = new Change(Kind.WEIGHT, 1, "k".repeat(TypedMetadata.MAX_STRING + 1), CHANGE.at(), CHANGE.day(),
                Optional.empty(), 0, 0, false, BigDecimal.ONE);

        assertThatThrownBy(() -> TypedMetadata.write(wordy))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Change.unit is 65 characters; metadata strings are codes of at most 64");
    }

    @Test
    void givenCamelCaseNames_whenKeyed_thenSnakeCase() {
        assertThat(TypedMetadata.snakeCase("linkedMoodId")).isEqualTo("linked_mood_id");
        assertThat(TypedMetadata.snakeCase("valence")).isEqualTo("valence");
        assertThat(TypedMetadata.snakeCase("labelCount")).isEqualTo("label_count");
    }
}
