package com.lume.persistence;

import com.lume.wellness.JournalEntry;

import java.util.Optional;
import java.util.UUID;

/** Converts between a journal entry and its stored form. */
final class JournalEntryMapper {
    private JournalEntryMapper() {
    }

    static JournalEntryJpaEntity toEntity(JournalEntry entry, JournalEntryJpaEntity target) {
        target.id = entry.id().toString();
        target.userId = entry.userId();
        target.title = entry.title();
        target.content = entry.content();
        target.moodId = entry.moodId().map(UUID::toString).orElse(null);
        target.date = entry.date();
        target.backendId = entry.backendId().orElse(null);
        target.deleted = entry.deleted();
        return target;
    }

    static JournalEntry toEntry(JournalEntryJpaEntity e) {
        return new JournalEntry(UUID.fromString(e.id), e.userId, e.title, e.content,
                Optional.ofNullable(e.moodId).map(UUID::fromString), e.date, Optional.ofNullable(e.backendId),
                e.deleted);
    }
}
