package io.outbox.jpa;

import io.outbox.sync.Transactor;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A use case's transaction on a store's {@link UnitOfWork}: the entities its repositories write
 * through the store's entity manager and the events it records commit together. Thread-safe.
 */
public final class StoreTransactor implements Transactor {
    private final Supplier<OutboxStore> store;

    /** The store is fetched at each transaction, so a store opened on first use stays closed until then. */
    public StoreTransactor(Supplier<OutboxStore> store) {
        this.store = store;
    }

    @Override
    public void inTransaction(Consumer<Recorder> work) {
        store.get().unitOfWork().write(unit -> work.accept(unit::record));
    }
}
