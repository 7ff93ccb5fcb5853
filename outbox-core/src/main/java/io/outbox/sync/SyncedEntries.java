package io.outbox.sync;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where an app keeps the entries it syncs: each of one user, deleted as a tombstone until its
 * delete reaches the backend, with the backend's id once its create was delivered. Calls join
 * the transaction a use case opened through {@link Transactor}. An app's own port extends it
 * with what else its entries need.
 *
 * @param <T> the app's entry
 */
public interface SyncedEntries<T> {
    /** Any entry, tombstones included, of any user: for the handler, which checks the user itself. */
    Optional<T> find(UUID id);

    /** Not deleted, of this user. */
    Optional<T> findLive(String userId, UUID id);

    /** Stores a new entry. */
    void insert(T entry);

    /** Writes the entry's new state over its stored one; an entry not stored is left alone. */
    void update(T entry);

    /** The user's entries that are not deleted, oldest first (by date, then id). */
    List<T> listLive(String userId);

    /** Stores the backend's id of an entry once its create was delivered. */
    void setBackendId(UUID id, String backendId);
}
