package io.outbox.sync;

import io.outbox.event.OutboxEvent;

import java.util.function.Consumer;

/**
 * Runs a use case's writes in one transaction: the events it records commit with its entities,
 * or neither does. The use case's own repositories join the same transaction (an adapter's
 * concern). Implementations are thread-safe; each transaction is confined to the calling thread.
 */
public interface Transactor {
    /** Runs {@code work} in one transaction; an exception rolls it back and is thrown on. */
    void inTransaction(Consumer<Recorder> work);

    /** Records outbox events inside the transaction. */
    interface Recorder {
        /** Adds {@code event} to the outbox; it commits with the transaction. */
        void record(OutboxEvent event);
    }
}
