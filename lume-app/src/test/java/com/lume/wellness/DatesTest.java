package com.lume.wellness;

import com.lume.wellness.usecase.AddJournalCommand;
import com.lume.wellness.usecase.AddMoodCommand;
import com.lume.wellness.usecase.MoodLinkChange;
import com.lume.wellness.usecase.UpdateJournalCommand;
import com.lume.wellness.usecase.UpdateMoodCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Regression: a --date Derby's TIMESTAMP cannot keep (after 9999, or before 1900 where calendars
 * shift) failed in the store or came back changed. It is refused as bad input (exit 2) before
 * anything is written, by every command taking --date.
 */
class DatesTest {
    @ParameterizedTest
    @ValueSource(strings = {"1900-01-01T00:00:00Z", "2025-01-31T08:00:00Z", "9999-12-30T23:59:59.999999999Z"})
    void givenDateFrom1900To9999_12_30_whenChecked_thenKept(String date) {
        assertThat(Dates.requireStorable("--date", Instant.parse(date))).isEqualTo(Instant.parse(date));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1899-12-31T23:59:59.999999999Z", "-2025-01-31T08:00:00Z", "0001-01-01T00:00:00Z",
            "9999-12-31T00:00:00Z", "+10000-01-01T00:00:00Z"})
    void givenDateOutsideTheRange_whenChecked_thenRefusedNamingTheOptionAndTheRange(String date) {
        assertThatThrownBy(() -> Dates.requireStorable("--date", Instant.parse(date)))
                .isInstanceOf(InvalidEntryException.class).hasMessageStartingWith("--date " + Instant.parse(date))
                .hasMessageEndingWith("use a date from 1900-01-01 to 9999-12-30");
    }

    @Test
    void givenDateOutsideTheRange_whenAnyCommandIsMade_thenRefused() {
        Optional<Instant> late = Optional.of(Instant.parse("+10000-01-01T00:00:00Z"));
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new AddMoodCommand("alice", "0.1", List.of(), Optional.empty(), late))
                .isInstanceOf(InvalidEntryException.class);
        assertThatThrownBy(() -> new UpdateMoodCommand("alice", id, Optional.empty(), Optional.empty(),
                Optional.empty(), false, late)).isInstanceOf(InvalidEntryException.class);
        assertThatThrownBy(() -> new AddJournalCommand("alice", "t", "c", Optional.empty(), late))
                .isInstanceOf(InvalidEntryException.class);
        assertThatThrownBy(() -> new UpdateJournalCommand("alice", id, Optional.empty(), Optional.empty(),
                MoodLinkChange.keep(), late)).isInstanceOf(InvalidEntryException.class);
    }
}
