package com.lume.wiring;

import com.lume.legacy.LegacyOutbox;
import com.lume.persistence.JournalEntryJpaEntity;
import com.lume.persistence.JpaJournalEntries;
import com.lume.persistence.JpaMoodEntries;
import com.lume.persistence.MoodEntryJpaEntity;
import com.lume.persistence.V4__Outbox_for_unsynced_entries;
import com.lume.privacy.DisplayMetadata;
import com.lume.sync.JournalHandler;
import com.lume.sync.MoodHandler;
import com.lume.wellness.InvalidEntryException;
import com.lume.wellness.WellnessEvents;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.OutboxHandler;
import io.outbox.http.RemoteApi;
import io.outbox.jpa.MigrationSet;
import io.outbox.jpa.OutboxStore;
import io.outbox.cli.OutboxApp;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lume as the shared commands see it: its schema, its entities, its handlers, what {@code outbox
 * list} may show of an event (no private text), and the legacy outbox gate in front of {@code
 * sync}. Immutable.
 */
public final class LumeApp implements OutboxApp {
    private final Clock clock;

    public LumeApp(Clock clock) {
        this.clock = clock;
    }

    /** Lume's schema history, on top of the outbox's: V1 moods, V2 journals, V3 tombstones, V4 events for unsynced entries. */
    @Override
    public MigrationSet migrations() {
        return new MigrationSet("lume", "lume_schema_history", "db/lume")
                .withJava(new V4__Outbox_for_unsynced_entries(clock));
    }

    @Override
    public String name() {
        return "lume";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(MoodEntryJpaEntity.class, JournalEntryJpaEntity.class);
    }

    /** Goals and chat messages (from legacy data) have no handler: they wait, counted under waiting_for_handler. */
    @Override
    public Set<String> eventTypes() {
        return WellnessEvents.HANDLED;
    }

    @Override
    public List<OutboxHandler> handlers(OutboxStore store, RemoteApi api) {
        JpaMoodEntries moods = new JpaMoodEntries(() -> store);
        return List.of(new MoodHandler(moods, store.repository(), api),
                new JournalHandler(new JpaJournalEntries(() -> store), moods, store.repository(), api, clock));
    }

    @Override
    public boolean isBadInput(Throwable failure) {
        return failure instanceof InvalidEntryException;
    }

    @Override
    public Optional<Map<String, Object>> metadataForDisplay(OutboxEvent event) {
        return DisplayMetadata.of(event.metadata());
    }

    @Override
    public Map<String, Object> extraStatistics(OutboxStore store) {
        return LegacyOutbox.statistics(store);
    }

    @Override
    public void checkReadyToSync(OutboxStore store) {
        LegacyOutbox.requireAccountedFor(store);
    }
}
