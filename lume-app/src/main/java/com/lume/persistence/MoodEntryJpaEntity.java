package com.lume.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The stored form of a mood entry; {@link MoodEntryMapper} converts it. */
@Entity
@Table(name = "mood_entry")
public class MoodEntryJpaEntity {
    @Id
    @Column(name = "id")
    String id;
    @Column(name = "user_id")
    String userId;
    @Column(name = "valence")
    double valence;
    /** A JSON array of strings. */
    @Column(name = "labels")
    String labels;
    @Column(name = "note")
    String note;
    @Column(name = "entry_date")
    Instant date;
    @Column(name = "backend_id")
    String backendId;
    @Column(name = "deleted")
    boolean deleted;

    protected MoodEntryJpaEntity() {
        // for JPA
    }

    /** Never the note. */
    @Override
    public String toString() {
        return "MoodEntryJpaEntity[" + id + "]";
    }
}
