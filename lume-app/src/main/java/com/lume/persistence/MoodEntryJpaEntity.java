package com.lume.persistence;

import io.outbox.jpa.SyncedEntryJpaEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The stored form of a mood entry; {@link MoodEntryMapper} converts it. Its toString never shows the note. */
@Entity
@Table(name = "mood_entry")
public class MoodEntryJpaEntity extends SyncedEntryJpaEntity {
    double valence;
    /** A JSON array of strings. */
    String labels;
    String note;
}
