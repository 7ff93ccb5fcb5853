package io.outbox.example.notes;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The in-test end of the notes' pushes: remembers each note it took, and fails when told. Thread-safe. */
final class RecordingRecipient implements NoteHandler.Recipient {
    /** One note taken, with the event that pushed it. */
    record Delivery(UUID eventId, String noteId) {
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    /** The next {@code count} pushes fail, as a recipient that is down would. */
    void failNext(int count) {
        failuresToCome.set(count);
    }

    @Override
    public void receive(UUID eventId, Note note) {
        attempts.incrementAndGet();
        if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("the recipient is down");
        }
        deliveries.add(new Delivery(eventId, note.id()));
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    int attempts() {
        return attempts.get();
    }
}
