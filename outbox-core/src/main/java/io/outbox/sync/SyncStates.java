package io.outbox.sync;

import java.util.Map;

/** The sync state of a user's entities, read from their outbox events. */
public interface SyncStates {
    /**
     * Entity id to state, for entities with an undelivered or failed event; an entity not in the
     * map is {@link SyncState#SYNCED}.
     */
    Map<String, SyncState> unsynced(String userId);
}
