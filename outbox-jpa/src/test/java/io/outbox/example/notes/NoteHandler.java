package io.outbox.example.notes;

import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;

import java.util.UUID;

/**
 * Pushes the note of each {@code note} event to its recipient, read when it is sent (the event
 * carries no text), with the event id so that a repeated push is recognised. Thread-safe.
 */
public final class NoteHandler implements OutboxHandler {
    private final NotesService notes;
    private final Recipient recipient;

    /** Where notes are pushed: a remote API in a real service. */
    @FunctionalInterface
    public interface Recipient {
        /** Takes one note, or throws when it could not. */
        void receive(UUID eventId, Note note);
    }

    public NoteHandler(NotesService notes, Recipient recipient) {
        this.notes = notes;
        this.recipient = recipient;
    }

    @Override
    public String eventType() {
        return NotesService.NOTE_EVENT;
    }

    @Override
    public HandlerResult handle(OutboxEvent event) {
        return notes.find(event.entityId()).map(note -> {
            recipient.receive(event.id(), note); // a failure is retried on the backoff schedule
            return HandlerResult.done();
        }).orElseGet(() -> HandlerResult.failedForGood("the note is gone"));
    }
}
