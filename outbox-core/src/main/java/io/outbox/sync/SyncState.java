package io.outbox.sync;

import java.util.Locale;

/** Whether an entity's changes have reached the backend, as an app shows it beside the entity. */
public enum SyncState {
    /** Every change delivered. */
    SYNCED,
    /** A change is not delivered yet. */
    PENDING,
    /** A change failed for good; the event's error says why. */
    FAILED;

    /** The lower-case name apps print and put in JSON ({@code synced}, {@code pending}, {@code failed}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
