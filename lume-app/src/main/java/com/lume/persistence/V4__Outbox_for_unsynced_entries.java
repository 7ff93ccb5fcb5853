package com.lume.persistence;

import com.lume.wellness.WellnessEvents;
import io.outbox.jpa.UnsyncedEntriesBackfill;

import java.time.Clock;
import java.util.Optional;

/**
 * The upgrade to the unified outbox: entries a store made before it that never reached the
 * backend get a pending create event, moods before journals, so the first sync sends them. An
 * entry that also has a legacy outbox row is sent once all the same: migration-tools keeps the
 * legacy events' older times, so the legacy create goes first and stores the backend id, and
 * this event then finds it and sends nothing.
 */
public final class V4__Outbox_for_unsynced_entries extends UnsyncedEntriesBackfill {
    public V4__Outbox_for_unsynced_entries(Clock clock) {
        super(clock, new Source("mood_entry", WellnessEvents.MOOD, Optional.of(WellnessEvents.OWN_METADATA)),
                new Source("journal_entry", WellnessEvents.JOURNAL, Optional.of(WellnessEvents.OWN_METADATA)));
    }
}
