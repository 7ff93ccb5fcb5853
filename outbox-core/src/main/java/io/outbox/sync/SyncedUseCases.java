package io.outbox.sync;

import java.util.List;
import java.util.UUID;

/**
 * The use cases every app has for its synced entries, beside its own add and update: delete
 * one (a tombstone whose delete the next sync sends), and list a user's live entries with
 * their sync state.
 *
 * @param <V> the app's listed form of an entry
 */
public interface SyncedUseCases<V extends SyncedView> {
    /** Deletes the user's live entry: a tombstone, and a delete event for the next sync. */
    void delete(String userId, UUID id);

    /** The user's live entries, oldest first, with their sync state. */
    List<V> list(String userId);
}
