package io.outbox.tools.migration.mapping;

import java.util.Locale;

/** Why a legacy row is quarantined instead of migrated; the wire name is what reports carry. */
public enum Reason {
    /** The id is not a UUID (after trimming spaces, in any case). */
    INVALID_ID,
    /** Another row of the table holds the same UUID (in another case, or padded): none of them is migrated. */
    DUPLICATE_ID,
    /** The event type is none of mood.*, journal.*, goal.*, chat.message.*. */
    UNKNOWN_EVENT_TYPE,
    /** The event type's suffix is none of created, updated, deleted. */
    UNKNOWN_OPERATION,
    /** The payload's user id is a string but not a valid user id (1 to 64 of A-Za-z0-9._@-). */
    INVALID_USER_ID,
    /** The payload has no user id and no --user was given. */
    MISSING_USER_ID,
    /** The status is none of pending, processing, completed, failed. */
    UNKNOWN_STATUS,
    /** The row has no creation time (only a copied store without the NOT NULL can hold one). */
    MISSING_CREATED_AT,
    /** The unified event refused a value the checks above let through. */
    REJECTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
