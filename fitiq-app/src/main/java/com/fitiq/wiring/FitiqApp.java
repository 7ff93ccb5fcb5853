package com.fitiq.wiring;

import com.fitiq.persistence.JpaProgressEntries;
import com.fitiq.persistence.ProgressEntryJpaEntity;
import com.fitiq.persistence.V4__Outbox_for_unsynced_entries;
import com.fitiq.progress.InvalidEntryException;
import com.fitiq.progress.ProgressEvents;
import com.fitiq.sync.ProgressHandler;
import io.outbox.handler.OutboxHandler;
import io.outbox.http.RemoteApi;
import io.outbox.jpa.MigrationSet;
import io.outbox.jpa.OutboxStore;
import io.outbox.cli.OutboxApp;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/** FitIQ as the shared commands see it: its schema, its entity, its handler. Immutable. */
public final class FitiqApp implements OutboxApp {
    private final Clock clock;

    public FitiqApp(Clock clock) {
        this.clock = clock;
    }

    /** FitIQ's schema history, on top of the outbox's. */
    @Override
    public MigrationSet migrations() {
        return new MigrationSet("fitiq", "fitiq_schema_history", "db/fitiq")
                .withJava(new V4__Outbox_for_unsynced_entries(clock));
    }

    @Override
    public String name() {
        return "fitiq";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(ProgressEntryJpaEntity.class);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(ProgressEvents.TYPE);
    }

    @Override
    public List<OutboxHandler> handlers(OutboxStore store, RemoteApi api) {
        return List.of(new ProgressHandler(new JpaProgressEntries(() -> store), api));
    }

    @Override
    public boolean isBadInput(Throwable failure) {
        return failure instanceof InvalidEntryException;
    }
}
