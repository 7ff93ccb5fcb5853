package io.outbox.sync;

import io.outbox.event.EventStatus;
import io.outbox.event.OutboxEvent;
import io.outbox.repository.EventQuery;
import io.outbox.repository.OutboxRepository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sync states from an outbox repository: failed when a change failed for good, else pending
 * while one is undelivered. Thread-safe when the repository is.
 */
public final class RepositorySyncStates implements SyncStates {
    private static final List<EventStatus> UNDELIVERED = List.of(EventStatus.PENDING, EventStatus.PROCESSING,
            EventStatus.FAILED);

    private final Supplier<OutboxRepository> repository;

    /** The repository is fetched at each call, so a store opened on first use stays closed until then. */
    public RepositorySyncStates(Supplier<OutboxRepository> repository) {
        this.repository = repository;
    }

    @Override
    public Map<String, SyncState> unsynced(String userId) {
        Map<String, SyncState> states = new HashMap<>();
        for (EventStatus status : UNDELIVERED) {
            for (OutboxEvent e : repository.get().find(new EventQuery(Optional.of(userId), Optional.of(status),
                    EventQuery.UNLIMITED))) {
                SyncState state = e.isFailedForGood() ? SyncState.FAILED : SyncState.PENDING;
                states.merge(e.entityId(), state, (a, b) -> a == SyncState.FAILED ? a : b);
            }
        }
        return states;
    }
}
