package com.lume.wiring;

import com.lume.legacy.LegacyOutbox;
import com.lume.persistence.JournalEntryJpaEntity;
import com.lume.persistence.JpaJournalEntries;
import com.lume.persistence.JpaMoodEntries;
import com.lume.persistence.MoodEntryJpaEntity;
import com.lume.persistence.V4__Outbox_for_unsynced_entries;
import com.lume.privacy.DisplayMetadata;
import com.lume.sync.JournalHandler;
import com.lume.sync.LegacyEvents;
import com.lume.sync.MoodHandler;
import com.lume.wellness.InvalidEntryException;
import com.lume.wellness.WellnessEvents;
import io.outbox.cli.OutboxApp;

import java.time.Clock;
import java.util.List;

/**
 * Lume as the shared commands see it: its schema, its entities, its handlers, what {@code outbox
 * list} may show of an event (no private text), the legacy outbox gate in front of {@code
 * sync}, and which events are delivered without a stored entry (migrated ones, for {@code outbox verify}).
 */
public final class LumeApp {
    private LumeApp() {
    }

    /**
     * Lume, its events stamped by {@code clock}. Schema history {@code db/lume}: V1 moods, V2
     * journals, V3 tombstones, V4 events for entries made before the outbox. Goals and chat
     * messages (from legacy data) have no handler: they wait, counted under waiting_for_handler.
     */
    public static OutboxApp on(Clock clock) {
        return OutboxApp.builder("lume")
                .javaMigrations(new V4__Outbox_for_unsynced_entries(clock))
                .entities(MoodEntryJpaEntity.class, JournalEntryJpaEntity.class)
                .eventTypes(WellnessEvents.HANDLED)
                .handlers((store, api) -> {
                    JpaMoodEntries moods = new JpaMoodEntries(() -> store);
                    return List.of(new MoodHandler(moods, store.repository(), api),
                            new JournalHandler(new JpaJournalEntries(() -> store), moods, store.repository(), api));
                })
                .badInput(InvalidEntryException.class)
                .metadataForDisplay(event -> DisplayMetadata.of(event.metadata()))
                .extraStatistics(LegacyOutbox::statistics)
                .readyToSync(LegacyOutbox::requireAccountedFor)
                .deliverableWithoutEntity(LegacyEvents::carryTheirEntry)
                .build();
    }
}
