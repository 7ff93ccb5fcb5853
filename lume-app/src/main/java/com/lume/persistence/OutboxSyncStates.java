package com.lume.persistence;

import com.lume.wellness.SyncState;
import com.lume.wellness.usecase.SyncStates;
import io.outbox.event.EventStatus;
import io.outbox.event.OutboxEvent;
import io.outbox.jpa.OutboxStore;
import io.outbox.repository.EventQuery;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sync states from the outbox: failed when a change failed for good, else pending while one is undelivered. */
public final class OutboxSyncStates implements SyncStates {
    private final Provider<OutboxStore> store;

    /** The store is opened on first use, so a command with bad input never touches it. */
    @Inject
    public OutboxSyncStates(Provider<OutboxStore> store) {
        this.store = store;
    }

    @Override
    public Map<String, SyncState> unsynced(String userId) {
        Map<String, SyncState> states = new HashMap<>();
        for (EventStatus status : List.of(EventStatus.PENDING, EventStatus.PROCESSING, EventStatus.FAILED)) {
            for (OutboxEvent e : store.get().repository().find(new EventQuery(Optional.of(userId), Optional.of(status),
                    EventQuery.UNLIMITED))) {
                SyncState state = e.isFailedForGood() ? SyncState.FAILED : SyncState.PENDING;
                states.merge(e.entityId(), state, (a, b) -> a == SyncState.FAILED ? a : b);
            }
        }
        return states;
    }
}
