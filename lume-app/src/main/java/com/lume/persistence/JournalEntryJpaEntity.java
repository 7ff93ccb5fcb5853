package com.lume.persistence;

import io.outbox.jpa.SyncedEntryJpaEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The stored form of a journal entry; {@link JournalEntryMapper} converts it. Its toString never
 * shows the title or content.
 */
@Entity
@Table(name = "journal_entry")
public class JournalEntryJpaEntity extends SyncedEntryJpaEntity {
    String title;
    String content;
    @Column(name = "mood_id")
    String moodId;
}
