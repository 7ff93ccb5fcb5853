package io.outbox.jpa;

import io.outbox.sync.SyncedEntries;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Synced entries in a store, through JPA: every call runs in the store's unit of work, so it
 * joins the use case's transaction ({@link StoreTransactor}). An app's adapter extends it with
 * its entity class and its mapper's two functions, and adds its own queries with {@link #read}
 * and {@link #change}. Thread-safe when the mapping is.
 *
 * @param <E> the app's JPA entity
 * @param <T> the app's entry
 */
public abstract class JpaSyncedEntries<E extends SyncedEntryJpaEntity, T> implements SyncedEntries<T> {
    private final Supplier<OutboxStore> store;
    private final Class<E> type;
    private final Supplier<E> newEntity;
    private final BiFunction<T, E, E> toEntity;
    private final Function<E, T> toEntry;

    /**
     * @param store     fetched at each call, so a store opened on first use stays closed until then
     * @param newEntity a new, empty entity
     * @param toEntity  copies an entry into an entity and returns it (the shared columns through
     *                  {@link SyncedEntryJpaEntity#setSynced})
     * @param toEntry   the entry a stored entity holds
     */
    protected JpaSyncedEntries(Supplier<OutboxStore> store, Class<E> type, Supplier<E> newEntity,
                               BiFunction<T, E, E> toEntity, Function<E, T> toEntry) {
        this.store = store;
        this.type = type;
        this.newEntity = newEntity;
        this.toEntity = toEntity;
        this.toEntry = toEntry;
    }

    @Override
    public Optional<T> find(UUID id) {
        return read(em -> Optional.ofNullable(em.find(type, id.toString())).map(toEntry));
    }

    @Override
    public Optional<T> findLive(String userId, UUID id) {
        return read(em -> Optional.ofNullable(em.find(type, id.toString()))
                .filter(e -> e.userId().equals(userId) && !e.deleted()).map(toEntry));
    }

    @Override
    public void insert(T entry) {
        store.get().unitOfWork().write(work -> work.entityManager().persist(toEntity.apply(entry, newEntity.get())));
    }

    @Override
    public void update(T entry) {
        change(toEntity.apply(entry, newEntity.get()).entryId(), stored -> toEntity.apply(entry, stored));
    }

    @Override
    public List<T> listLive(String userId) {
        return read(em -> UserEntries.live(em, type, userId).stream().map(toEntry).toList());
    }

    @Override
    public void setBackendId(UUID id, String backendId) {
        change(id, stored -> stored.setBackendId(backendId));
    }

    /** Runs a query in the unit of work. */
    protected <R> R read(Function<EntityManager, R> query) {
        return store.get().unitOfWork().read(query);
    }

    /** Changes the stored entity of {@code id} in the unit of work; an id not stored is left alone. */
    protected void change(UUID id, Consumer<E> change) {
        store.get().unitOfWork().write(work -> {
            E stored = work.entityManager().find(type, id.toString());
            if (stored != null) {
                change.accept(stored);
            }
        });
    }
}
