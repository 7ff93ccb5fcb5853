package com.lume.persistence;

import com.lume.wellness.JournalEntry;
import io.outbox.jpa.EntryMapping;

import java.util.Optional;
import java.util.UUID;

/** Converts between a journal entry and its stored form. */
final class JournalEntryMapper implements EntryMapping<JournalEntryJpaEntity, JournalEntry> {
    @Override
    public JournalEntryJpaEntity toEntity(JournalEntry entry, JournalEntryJpaEntity target) {
        target.setSynced(entry.id(), entry.userId(), entry.date(), entry.backendId(), entry.deleted());
        target.title = entry.title();
        target.content = entry.content();
        target.moodId = entry.moodId().map(UUID::toString).orElse(null);
        return target;
    }

    @Override
    public JournalEntry toEntry(JournalEntryJpaEntity e) {
        return new JournalEntry(e.entryId(), e.userId(), e.title, e.content,
                Optional.ofNullable(e.moodId).map(UUID::fromString), e.date(), e.backendId(), e.deleted());
    }
}
