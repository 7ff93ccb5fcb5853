package com.fitiq.wiring;

import com.fitiq.persistence.JpaProgressEntries;
import com.fitiq.persistence.ProgressEntryJpaEntity;
import com.fitiq.persistence.V4__Outbox_for_unsynced_entries;
import com.fitiq.progress.InvalidEntryException;
import com.fitiq.progress.ProgressEvents;
import com.fitiq.sync.ProgressHandler;
import io.outbox.cli.OutboxApp;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/** FitIQ as the shared commands see it: its schema, its entity, its handler. */
public final class FitiqApp {
    private FitiqApp() {
    }

    /**
     * FitIQ, its events stamped by {@code clock}. Schema history {@code db/fitiq}: V1 progress
     * entries, V2 the backend id, V3 tombstones, V4 events for entries made before the outbox.
     */
    public static OutboxApp on(Clock clock) {
        return OutboxApp.builder("fitiq")
                .javaMigrations(new V4__Outbox_for_unsynced_entries(clock))
                .entities(ProgressEntryJpaEntity.class)
                .eventTypes(Set.of(ProgressEvents.TYPE))
                .handlers((store, api) -> List.of(new ProgressHandler(new JpaProgressEntries(() -> store), api)))
                .badInput(InvalidEntryException.class)
                .build();
    }
}
