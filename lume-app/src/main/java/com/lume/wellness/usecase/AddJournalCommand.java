package com.lume.wellness.usecase;

import com.lume.wellness.Dates;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Write a journal entry, optionally linked to one of the same user's mood entries; the date or now. */
public record AddJournalCommand(String userId, String title, String content, Optional<UUID> moodId,
                                Optional<Instant> date) {
    public AddJournalCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(moodId, "moodId");
        Objects.requireNonNull(date, "date");
        date.ifPresent(d -> Dates.requireStorable("--date", d));
    }

    /** Without the private text. */
    @Override
    public String toString() {
        return "AddJournalCommand[" + userId + ", mood " + moodId.map(UUID::toString).orElse("none") + "]";
    }
}
