package com.lume.wellness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoodEntryTest {
    private static final Instant T = Instant.parse("2025-01-31T08:00:00Z");

    private static MoodEntry mood(double valence, List<String> labels, Optional<String> note) {
        return new MoodEntry(UUID.randomUUID(), "alice", valence, labels, note, T, Optional.empty(), false);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, -0.5, 0, 0.4, 1})
    void givenValenceFromMinusOneToOne_whenMade_thenKept(double valence) {
        assertThat(mood(valence, List.of(), Optional.empty()).valence()).isEqualTo(valence);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.0001, 1.0001, 7, Double.NaN, Double.POSITIVE_INFINITY})
    void givenValenceOutsideMinusOneToOne_whenMade_thenRejectedNamingTheOption(double valence) {
        assertThatThrownBy(() -> mood(valence, List.of(), Optional.empty()))
                .isInstanceOf(InvalidEntryException.class).hasMessageContaining("--valence");
    }

    @Test
    void givenNoLabelsOrTenTrimmedOnes_whenMade_thenKeptTrimmed() {
        assertThat(mood(0, List.of(), Optional.empty()).labels()).isEmpty();
        List<String> ten = List.of(" calm ", "so-so", "don't know", "tired_2", "Grüße", "b", "c", "d", "e", "f");
        assertThat(mood(0, ten, Optional.empty()).labels()).hasSize(10).startsWith("calm", "so-so", "don't know");
    }

    @Test
    void givenElevenLabels_whenMade_thenRejectedSayingTheLimit() {
        List<String> eleven = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");
        assertThatThrownBy(() -> mood(0, eleven, Optional.empty()))
                .isInstanceOf(InvalidEntryException.class).hasMessageContaining("at most 10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "-calm", "calm!", "line\nbreak", "0123456789012345678901234567890123"})
    void givenMalformedLabel_whenMade_thenRejected(String label) {
        assertThatThrownBy(() -> mood(0, List.of(label), Optional.empty()))
                .isInstanceOf(InvalidEntryException.class).hasMessageContaining("--label");
    }

    @Test
    void givenSameLabelTwiceInAnyCase_whenMade_thenRejected() {
        assertThatThrownBy(() -> mood(0, List.of("Calm", "calm"), Optional.empty()))
                .isInstanceOf(InvalidEntryException.class).hasMessageContaining("twice");
    }

    @Test
    void givenNoteTooLongOrBlank_whenMade_thenRejectedWithoutQuotingIt() {
        String tooLong = "secret " + String.join("", Collections.nCopies(MoodEntry.MAX_NOTE, "x"));
        assertThatThrownBy(() -> mood(0, List.of(), Optional.of(tooLong)))
                .isInstanceOf(InvalidEntryException.class).hasMessageContaining("--note")
                .hasMessageContaining("at most 1000").message().doesNotContain("secret");
        assertThatThrownBy(() -> mood(0, List.of(), Optional.of("  ")))
                .isInstanceOf(InvalidEntryException.class).hasMessageContaining("--note must not be blank");
    }

    @Test
    void givenMultiLineNote_whenMade_thenKept() {
        assertThat(mood(0, List.of(), Optional.of("one\ntwo\tthree")).note()).contains("one\ntwo\tthree");
    }

    @Test
    void givenDeletedEntryWithErasedNote_whenMade_thenAccepted() {
        MoodEntry tombstone = mood(0.2, List.of("calm"), Optional.of("secret")).asDeleted().withNote(Optional.empty());
        assertThat(tombstone.deleted()).isTrue();
        assertThat(tombstone.toString()).doesNotContain("secret");
    }

    @Test
    void givenEntryWithNote_whenPrinted_thenNoteNotShown() {
        assertThat(mood(0, List.of(), Optional.of("my secret")).toString()).doesNotContain("my secret")
                .contains("a note");
    }
}
