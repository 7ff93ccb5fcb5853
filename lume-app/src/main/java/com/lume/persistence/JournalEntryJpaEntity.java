package com.lume.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The stored form of a journal entry; {@link JournalEntryMapper} converts it. */
@Entity
@Table(name = "journal_entry")
public class JournalEntryJpaEntity {
    @Id
    @Column(name = "id")
    String id;
    @Column(name = "user_id")
    String userId;
    @Column(name = "title")
    String title;
    @Column(name = "content")
    String content;
    @Column(name = "mood_id")
    String moodId;
    @Column(name = "entry_date")
    Instant date;
    @Column(name = "backend_id")
    String backendId;
    @Column(name = "deleted")
    boolean deleted;

    protected JournalEntryJpaEntity() {
        // for JPA
    }

    /** Never the title or content. */
    @Override
    public String toString() {
        return "JournalEntryJpaEntity[" + id + "]";
    }
}
