package com.fitiq.progress;

import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.metadata.TypedMetadata;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The outbox events of progress entries: one type, the entry's state at the change as its {@link ProgressMetadata}. */
public final class ProgressEvents {
    /** The event type FitIQ's handler takes. */
    public static final String TYPE = "progress_entry";

    private ProgressEvents() {
    }

    public static OutboxEvent of(ProgressEntry entry, Operation operation, int priority, Instant at) {
        return OutboxEvent.pending(UUID.randomUUID(), TYPE, operation, entry.id().toString(), entry.userId(),
                priority, Optional.of(metadata(entry)), at);
    }

    /** What the change was, for people reading {@code outbox list}; the handler sends the entry's current state. */
    static String metadata(ProgressEntry entry) {
        return TypedMetadata.write(ProgressMetadata.of(entry));
    }
}
