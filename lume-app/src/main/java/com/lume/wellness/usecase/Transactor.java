package com.lume.wellness.usecase;

import io.outbox.event.OutboxEvent;

import java.util.function.Consumer;

/** Runs a use case's writes in one transaction; events it records commit with them, or not at all. */
public interface Transactor {
    void inTransaction(Consumer<Outbox> work);

    /** Records outbox events inside the transaction. */
    interface Outbox {
        void record(OutboxEvent event);
    }
}
