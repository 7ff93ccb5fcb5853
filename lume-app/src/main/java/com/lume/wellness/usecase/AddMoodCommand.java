package com.lume.wellness.usecase;

import com.lume.wellness.Dates;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Log a mood: the valence as typed, labels (possibly none), an optional note, the date or now. */
public record AddMoodCommand(String userId, String valence, List<String> labels, Optional<String> note,
                             Optional<Instant> date) {
    public AddMoodCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(date, "date");
        date.ifPresent(d -> Dates.requireStorable("--date", d));
        labels = List.copyOf(labels);
    }

    @Override
    public String toString() {
        return "AddMoodCommand[" + userId + ", valence " + valence + ", " + labels.size() + " labels"
                + (note.isPresent() ? ", a note" : "") + "]";
    }
}
