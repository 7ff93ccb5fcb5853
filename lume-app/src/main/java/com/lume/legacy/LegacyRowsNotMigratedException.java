package com.lume.legacy;

import io.outbox.OutboxException;

/**
 * The store still holds legacy outbox rows that are neither migrated nor quarantined, so a sync
 * would leave them behind; the message names the migration command to run (exit 3).
 */
public final class LegacyRowsNotMigratedException extends OutboxException {
    private static final long serialVersionUID = 1L;

    public LegacyRowsNotMigratedException(String message) {
        super(message);
    }
}
