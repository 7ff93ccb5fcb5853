package com.lume.wellness.usecase;

import com.lume.wellness.Dates;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Change a journal entry: each field given replaces the stored one; at least one change must be given. */
public record UpdateJournalCommand(String userId, UUID id, Optional<String> title, Optional<String> content,
                                   MoodLinkChange mood, Optional<Instant> date) {
    public UpdateJournalCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(mood, "mood");
        Objects.requireNonNull(date, "date");
        date.ifPresent(d -> Dates.requireStorable("--date", d));
    }

    public boolean changesNothing() {
        return title.isEmpty() && content.isEmpty() && mood instanceof MoodLinkChange.Keep && date.isEmpty();
    }

    /** Without the private text. */
    @Override
    public String toString() {
        return "UpdateJournalCommand[" + userId + ", " + id + "]";
    }
}
