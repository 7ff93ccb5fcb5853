package io.outbox.benchmarks.store;

import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What every scenario writes: a note and its "created" event, with the same values whether
 * the library or a baseline writes them. Stateless.
 */
public final class Notes {
    /** The event type the benchmark handlers take. */
    public static final String EVENT_TYPE = "bench.note";
    /** Completed rows that only fill the history; no handler takes them. */
    public static final String HISTORY_TYPE = "bench.history";
    public static final String USER = "bench-user";
    public static final String BODY = "a benchmark note of about fifty characters of text";

    private Notes() {
    }

    public static BenchNote note(String id, Instant at) {
        return new BenchNote(id, USER, BODY, at);
    }

    public static OutboxEvent created(String noteId, Instant at, String metadata) {
        return OutboxEvent.pending(UUID.randomUUID(), EVENT_TYPE, Operation.CREATE, noteId, USER,
                Priority.USER_ACTION, Optional.of(metadata), at);
    }

    public static String metadata(long seq) {
        return "{\"seq\":" + seq + "}";
    }
}
