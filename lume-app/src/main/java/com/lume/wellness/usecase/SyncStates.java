package com.lume.wellness.usecase;

import com.lume.wellness.SyncState;

import java.util.Map;

/** The sync state of a user's entries, from their outbox events. */
public interface SyncStates {
    /** Entity id to state, for entries with undelivered or failed events; the rest are synced. */
    Map<String, SyncState> unsynced(String userId);
}
