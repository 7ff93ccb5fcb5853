package com.lume.persistence;

import com.lume.wellness.usecase.Transactor;
import io.outbox.jpa.OutboxStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import java.util.function.Consumer;

/** A use case's transaction on the store's unit of work: entries and events commit together. Thread-safe. */
public final class StoreTransactor implements Transactor {
    private final Provider<OutboxStore> store;

    /** The store is opened on first use, so a command with bad input never touches it. */
    @Inject
    public StoreTransactor(Provider<OutboxStore> store) {
        this.store = store;
    }

    @Override
    public void inTransaction(Consumer<Outbox> work) {
        store.get().unitOfWork().write(unit -> work.accept(unit::record));
    }
}
