package com.lume.wellness;

import io.outbox.sync.SyncedEntry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How a user felt at a moment: a valence from -1 (worst) to 1 (best), labels, an optional private
 * note. Valid by construction. A deleted entry is a tombstone kept until its delete has reached
 * the backend (the delete needs the backend id); its note may have been erased. Immutable.
 */
public record MoodEntry(UUID id, String userId, double valence, List<String> labels, Optional<String> note,
                        Instant date, Optional<String> backendId, boolean deleted)
        implements SyncedEntry<MoodEntry> {
    public static final int MAX_NOTE = 1000;

    public MoodEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(backendId, "backendId");
        if (!(valence >= -1 && valence <= 1)) {
            throw new InvalidEntryException("--valence must be between -1 and 1, was " + valence);
        }
        labels = Labels.check(labels);
        if (!deleted) {
            note = Texts.optionalParagraphs("--note", note, MAX_NOTE);
        }
    }

    public MoodEntry withValence(double value) {
        return new MoodEntry(id, userId, value, labels, note, date, backendId, deleted);
    }

    public MoodEntry withLabels(List<String> value) {
        return new MoodEntry(id, userId, valence, value, note, date, backendId, deleted);
    }

    public MoodEntry withNote(Optional<String> value) {
        return new MoodEntry(id, userId, valence, labels, value, date, backendId, deleted);
    }

    public MoodEntry withDate(Instant value) {
        return new MoodEntry(id, userId, valence, labels, note, value, backendId, deleted);
    }

    @Override
    public MoodEntry asDeleted() {
        return new MoodEntry(id, userId, valence, labels, note, date, backendId, true);
    }

    /** The entry without its private text, for the record of what was sent. */
    @Override
    public String toString() {
        return "MoodEntry[" + id + ", user " + userId + ", valence " + valence + ", " + labels.size() + " labels, "
                + (note.isPresent() ? "a note" : "no note") + ", " + date + (deleted ? ", deleted" : "") + "]";
    }
}
