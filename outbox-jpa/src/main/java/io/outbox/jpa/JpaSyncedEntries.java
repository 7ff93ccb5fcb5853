package io.outbox.jpa;

import io.outbox.sync.SyncedEntries;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Synced entries in a store, through JPA: every call runs in the store's unit of work, so it
 * joins the use case's transaction ({@link StoreTransactor}). An app's adapter extends it with
 * its entity's constructor and its {@link EntryMapping}, and adds its own queries with {@link #read} and {@link #change}.
 * Thread-safe.
 *
 * @param <E> the app's JPA entity
 * @param <T> the app's entry
 */
public abstract class JpaSyncedEntries<E extends SyncedEntryJpaEntity, T> implements SyncedEntries<T> {
    private final Supplier<OutboxStore> store;
    private final Class<E> type;
    private final Supplier<E> newEntity;
    private final EntryMapping<E, T> mapping;

    /**
     * @param store     fetched at each call, so a store opened on first use stays closed until then
     * @param newEntity a new, empty entity; its class is the one finds and queries look up
     * @param mapping   between the app's entry and its entity
     */
    protected JpaSyncedEntries(Supplier<OutboxStore> store, Supplier<E> newEntity, EntryMapping<E, T> mapping) {
        this.store = store;
        this.type = entityClass(newEntity.get());
        this.newEntity = newEntity;
        this.mapping = mapping;
    }

    @Override
    public Optional<T> find(UUID id) {
        return read(em -> Optional.ofNullable(em.find(type, id.toString())).map(mapping::toEntry));
    }

    @Override
    public Optional<T> findLive(String userId, UUID id) {
        return read(em -> Optional.ofNullable(em.find(type, id.toString()))
                .filter(e -> e.userId().equals(userId) && !e.deleted()).map(mapping::toEntry));
    }

    @Override
    public void insert(T entry) {
        store.get().unitOfWork().write(work -> work.entityManager().persist(mapping.toEntity(entry, newEntity.get())));
    }

    @Override
    public void update(T entry) {
        change(mapping.toEntity(entry, newEntity.get()).entryId(), stored -> mapping.toEntity(entry, stored));
    }

    @Override
    public List<T> listLive(String userId) {
        return read(em -> UserEntries.live(em, type, userId).stream().map(mapping::toEntry).toList());
    }

    @Override
    public void setBackendId(UUID id, String backendId) {
        change(id, stored -> stored.setBackendId(backendId));
    }

    @SuppressWarnings("unchecked")
    private static <E> Class<E> entityClass(E entity) {
        return (Class<E>) entity.getClass();
    }

    /** The entry a stored entity holds, for the adapter's own queries. */
    protected T toEntry(E entity) {
        return mapping.toEntry(entity);
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
