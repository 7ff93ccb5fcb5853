package io.outbox.jpa.support;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An app entity for tests: written in the same transaction as its outbox event. */
@Entity
@Table(name = "test_note")
public class TestNote {
    @Id
    @Column(name = "id")
    public String id;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "text")
    public String text;
    @Column(name = "written_at")
    public Instant writtenAt;

    protected TestNote() {
    }

    public TestNote(String id, String userId, String text, Instant writtenAt) {
        this.id = id;
        this.userId = userId;
        this.text = text;
        this.writtenAt = writtenAt;
    }
}
