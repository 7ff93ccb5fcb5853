package com.lume.wellness.usecase;

import com.lume.wellness.Dates;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Change a mood entry: each field given replaces the stored one ({@code labels} given, even empty,
 * replaces all labels; {@code removeNote} drops the note). At least one change must be given.
 */
public record UpdateMoodCommand(String userId, UUID id, Optional<String> valence, Optional<List<String>> labels,
                                Optional<String> note, boolean removeNote, Optional<Instant> date) {
    public UpdateMoodCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(valence, "valence");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(date, "date");
        date.ifPresent(d -> Dates.requireStorable("--date", d));
        labels = labels.map(List::copyOf);
    }

    public boolean changesNothing() {
        return valence.isEmpty() && labels.isEmpty() && note.isEmpty() && !removeNote && date.isEmpty();
    }

    @Override
    public String toString() {
        return "UpdateMoodCommand[" + userId + ", " + id + "]";
    }
}
