package io.outbox.sync;

import java.util.UUID;

/**
 * An app's entry that syncs: one user's, deleted as a tombstone until its delete reaches the
 * backend. Implemented by the app's immutable entry records.
 *
 * @param <T> the entry type itself
 */
public interface SyncedEntry<T extends SyncedEntry<T>> {
    /** The entry's id, the same here and in its events. */
    UUID id();

    /** The user whose entry it is. */
    String userId();

    /** A tombstone: deleted here, its delete not yet confirmed by the backend. */
    boolean deleted();

    /** This entry as a tombstone. */
    T asDeleted();
}
