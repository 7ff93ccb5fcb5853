package com.fitiq.progress;

import io.outbox.metadata.TypedMetadata;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FitIQ's typed event metadata: what a progress change was, stored as JSON. */
class ProgressMetadataTest {
    private static final Instant DATE = Instant.parse("2025-01-30T07:00:00Z");

    @Test
    void givenEntry_whenItsMetadataWritten_thenReadsBackEqual() {
        ProgressEntry entry = new ProgressEntry(UUID.randomUUID(), "alice", ProgressType.HEART_RATE, 64, DATE,
                Optional.empty(), false);

        String json = TypedMetadata.write(ProgressMetadata.of(entry));

        assertThat(json).isEqualTo("{\"type\":\"heart_rate\",\"quantity\":64.0,\"unit\":\"bpm\","
                + "\"date\":\"2025-01-30T07:00:00Z\"}");
        assertThat(TypedMetadata.read(Optional.of(json), ProgressMetadata.class))
                .contains(new ProgressMetadata(ProgressType.HEART_RATE, 64, "bpm", DATE));
    }

    @Test
    void givenMetadataAnEventGotBeforeTypedMetadata_whenRead_thenTheSameRecord() {
        String before = "{\"type\":\"weight\",\"quantity\":72.5,\"unit\":\"kg\",\"date\":\"2025-01-30T07:00:00Z\"}";

        assertThat(TypedMetadata.read(Optional.of(before), ProgressMetadata.class))
                .contains(new ProgressMetadata(ProgressType.WEIGHT, 72.5, "kg", DATE));
        assertThat(TypedMetadata.read(Optional.of("{\"migrated\":\"from a store made before the outbox\"}"),
                ProgressMetadata.class)).isEmpty();
    }

    @Test
    void givenValuesNoEntryCouldHold_whenBuilt_thenRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> new ProgressMetadata(ProgressType.WEIGHT, 72.5, "lb", DATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the unit of weight is kg, not lb");
        assertThatThrownBy(() -> new ProgressMetadata(ProgressType.STEPS, 1.5, "count", DATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
        TypedMetadata.check(ProgressMetadata.class);
    }
}
