package io.outbox.example.notes;

import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import io.outbox.jpa.OutboxWriter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Saves notes: each note and its {@code note} event commit together, in one transaction of the
 * service's own entity manager, the event recorded with {@link OutboxWriter}. Thread-safe.
 */
public final class NotesService {
    public static final String NOTE_EVENT = "note";

    private final EntityManagerFactory persistence;
    private final Clock clock;

    public NotesService(EntityManagerFactory persistence, Clock clock) {
        this.persistence = persistence;
        this.clock = clock;
    }

    /** Saves one note and its event. */
    public Note save(String author, String text) {
        return saveAll(author, List.of(text)).get(0);
    }

    /** Saves several notes (an import) in one transaction: each with its event, or none at all. */
    public List<Note> saveAll(String author, List<String> texts) {
        EntityManager em = persistence.createEntityManager();
        try {
            em.getTransaction().begin();
            List<Note> saved = new ArrayList<>();
            for (String text : texts) {
                Note note = new Note(UUID.randomUUID().toString(), author, text);
                em.persist(note);
                OutboxWriter.record(em, OutboxEvent.pending(UUID.randomUUID(), NOTE_EVENT, Operation.CREATE,
                        note.id(), author, Priority.USER_ACTION, Optional.empty(), clock.instant()));
                saved.add(note);
            }
            em.getTransaction().commit();
            return List.copyOf(saved);
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    public Optional<Note> find(String id) {
        EntityManager em = persistence.createEntityManager();
        try {
            return Optional.ofNullable(em.find(Note.class, id));
        } finally {
            em.close();
        }
    }
}
