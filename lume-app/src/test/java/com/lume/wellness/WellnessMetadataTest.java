package com.lume.wellness;

import io.outbox.metadata.TypedMetadata;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lume's typed event metadata: counts and ids only, never the user's words. */
class WellnessMetadataTest {
    private static final Instant AT = Instant.parse("2025-01-31T08:00:00Z");

    @Test
    void givenMoodWithNoteAndLabels_whenItsMetadataWritten_thenValenceAndLabelCountOnly() {
        MoodEntry mood = new MoodEntry(UUID.randomUUID(), "alice", -0.25, List.of("tired", "anxious"),
                Optional.of("a private note"), AT, Optional.empty(), false);

        String json = TypedMetadata.write(MoodMetadata.of(mood));

        assertThat(json).isEqualTo("{\"valence\":-0.25,\"label_count\":2}");
        assertThat(TypedMetadata.read(Optional.of(json), MoodMetadata.class)).contains(new MoodMetadata(-0.25, 2));
    }

    @Test
    void givenJournal_whenItsMetadataWritten_thenWordCountAndLinkOnly() {
        UUID mood = UUID.randomUUID();
        JournalEntry linked = new JournalEntry(UUID.randomUUID(), "alice", "My secret title",
                "  three  private\nwords ", Optional.of(mood), AT, Optional.empty(), false);
        JournalEntry unlinked = linked.withMood(Optional.empty()).withContent("one");

        String json = TypedMetadata.write(JournalMetadata.of(linked));

        assertThat(json).isEqualTo("{\"word_count\":3,\"linked_mood_id\":\"" + mood + "\"}");
        assertThat(TypedMetadata.read(Optional.of(json), JournalMetadata.class))
                .contains(new JournalMetadata(3, Optional.of(mood)));
        assertThat(TypedMetadata.write(JournalMetadata.of(unlinked)))
                .isEqualTo("{\"word_count\":1,\"linked_mood_id\":null}");
    }

    @Test
    void givenOlderOrLegacyMetadata_whenReadAsTyped_thenEmpty() {
        assertThat(TypedMetadata.read(Optional.of(WellnessEvents.OWN_METADATA), MoodMetadata.class)).isEmpty();
        assertThat(TypedMetadata.read(Optional.of("{\"valence\":0.4,\"labels\":[\"calm\"],\"note\":\"x\"}"),
                MoodMetadata.class)).isEmpty();
    }

    @Test
    void givenValuesNoEntryCouldHold_whenBuilt_thenRefused() {
        assertThatThrownBy(() -> new MoodMetadata(1.5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("valence must be between -1 and 1, was 1.5");
        assertThatThrownBy(() -> new MoodMetadata(0, 11)).hasMessage("labelCount must be between 0 and 10, was 11");
        assertThatThrownBy(() -> new JournalMetadata(-1, Optional.empty()))
                .hasMessage("wordCount must not be negative, was -1");
        TypedMetadata.check(MoodMetadata.class);
        TypedMetadata.check(JournalMetadata.class);
    }
}
