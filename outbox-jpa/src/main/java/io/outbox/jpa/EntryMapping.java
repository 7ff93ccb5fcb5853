package io.outbox.jpa;

/**
 * How an app's synced entry and its JPA entity turn into each other, for
 * {@link JpaSyncedEntries}. Implementations are stateless, so thread-safe.
 *
 * @param <E> the app's JPA entity
 * @param <T> the app's entry
 */
public interface EntryMapping<E extends SyncedEntryJpaEntity, T> {
    /**
     * Copies {@code entry} into {@code target} and returns it: the shared columns through
     * {@link SyncedEntryJpaEntity#setSynced}, then the app's own.
     */
    E toEntity(T entry, E target);

    /** The entry a stored entity holds. */
    T toEntry(E entity);
}
