package com.lume.wellness;

import java.time.Instant;

/**
 * The dates an entry may carry: those every store keeps exactly. Derby's TIMESTAMP ends with the
 * year 9999 (in the JVM's time zone, so a day is kept in hand for any offset), and a century
 * before the first diary app is old enough for anyone. Stateless.
 */
public final class Dates {
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-30T23:59:59.999999999Z");

    private Dates() {
    }

    /** The date, if a store can keep it; otherwise the user is told the accepted range (exit 2, nothing written). */
    public static Instant requireStorable(String option, Instant date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidEntryException(option + " " + date + " is out of range; use a date from 1900-01-01 to"
                    + " 9999-12-30");
        }
        return date;
    }
}
