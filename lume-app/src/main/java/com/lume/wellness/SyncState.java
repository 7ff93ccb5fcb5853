package com.lume.wellness;

import java.util.Locale;

/** Whether an entry's changes have reached the backend (docs/cli.md's sync_state). */
public enum SyncState {
    /** Every change delivered. */
    SYNCED,
    /** A change is not delivered yet. */
    PENDING,
    /** A change failed for good; {@code outbox list --status failed} says why. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
