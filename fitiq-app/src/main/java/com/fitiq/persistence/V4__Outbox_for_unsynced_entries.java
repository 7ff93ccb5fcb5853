package com.fitiq.persistence;

import com.fitiq.progress.ProgressEvents;
import io.outbox.jpa.UnsyncedEntriesBackfill;

import java.time.Clock;
import java.util.Optional;

/**
 * The upgrade to the unified outbox: entries a store made before it that never reached the
 * backend get a pending create event, so the first sync sends them.
 */
public final class V4__Outbox_for_unsynced_entries extends UnsyncedEntriesBackfill {
    public V4__Outbox_for_unsynced_entries(Clock clock) {
        super(clock, new Source("progress_entry", ProgressEvents.TYPE,
                Optional.of("{\"migrated\":\"from a store made before the outbox\"}")));
    }
}
