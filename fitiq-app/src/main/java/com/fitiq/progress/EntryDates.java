package com.fitiq.progress;

import java.time.Instant;

/**
 * The dates an entry may carry: those every store keeps exactly. Derby's TIMESTAMP ends with the
 * year 9999 (a day is kept in hand for any offset) and has no year before 1, so a later date failed
 * the write and an earlier one came back as another year; 1900 is early enough for any measurement.
 * Stateless.
 */
public final class EntryDates {
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-30T23:59:59.999999999Z");

    private EntryDates() {
    }

    /** The date, if a store can keep it; otherwise the user is told the accepted range (exit 2, nothing written). */
    public static Instant requireStorable(Instant date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidEntryException("--date " + date + " is out of range; use a date from 1900-01-01 to"
                    + " 9999-12-30");
        }
        return date;
    }
}
