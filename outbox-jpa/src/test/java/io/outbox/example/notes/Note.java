package io.outbox.example.notes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A note as the notes service keeps it, in a table of its own migration ({@code db/notes}). */
@Entity
@Table(name = "note")
public class Note {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "author")
    private String author;
    @Column(name = "text")
    private String text;

    protected Note() {
        // for JPA
    }

    public Note(String id, String author, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a note needs some text");
        }
        this.id = id;
        this.author = author;
        this.text = text;
    }

    public String id() {
        return id;
    }

    public String author() {
        return author;
    }

    public String text() {
        return text;
    }
}
