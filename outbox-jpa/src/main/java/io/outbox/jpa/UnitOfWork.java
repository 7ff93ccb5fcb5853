package io.outbox.jpa;

import io.outbox.event.OutboxEvent;
import io.outbox.jpa.internal.JpaOutboxRepository;
import io.outbox.jpa.internal.Transactions;
import jakarta.persistence.EntityManager;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes a use case's entities and the outbox events they cause in one transaction: both
 * commit, or neither does. Listeners registered with {@link OutboxStore#onEventsCommitted}
 * (the processor's trigger) run after the commit. Thread-safe; each unit is confined to
 * the calling thread.
 */
public final class UnitOfWork {
    private final Transactions transactions;
    private final JpaOutboxRepository repository;

    UnitOfWork(Transactions transactions, JpaOutboxRepository repository) {
        this.transactions = transactions;
        this.repository = repository;
    }

    /** What a unit of work may do: use the entity manager, and record outbox events. */
    public interface Work {
        /** The unit's entity manager: what it persists commits with the unit's events. */
        EntityManager entityManager();

        /** Records a new event, written when the unit commits. */
        void record(OutboxEvent event);
    }

    /**
     * Runs {@code work} in one transaction and commits its entities and events together; an
     * exception rolls both back and is thrown on.
     */
    public void write(Consumer<Work> work) {
        call(w -> {
            work.accept(w);
            return null;
        });
    }

    /** As {@link #write}, returning what {@code work} returns. */
    public <T> T call(Function<Work, T> work) {
        return transactions.run(tx -> work.apply(new Work() {
            @Override
            public EntityManager entityManager() {
                return tx.entityManager();
            }

            @Override
            public void record(OutboxEvent event) {
                repository.insert(tx, event);
            }
        }));
    }

    /** Reads in a transaction of its own (or the caller's). */
    public <T> T read(Function<EntityManager, T> query) {
        return transactions.run(tx -> query.apply(tx.entityManager()));
    }
}
