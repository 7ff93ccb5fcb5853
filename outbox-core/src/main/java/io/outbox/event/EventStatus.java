package io.outbox.event;

import java.util.Locale;
import java.util.Optional;

/** Where an event is in its life. A failed event is either scheduled for a retry or failed for good. */
public enum EventStatus {
    /** Waiting for its first attempt, or for a retry after a lease ran out. */
    PENDING,
    /** Claimed by a worker, whose lease says until when. */
    PROCESSING,
    /** Delivered; kept until the retention deletes it. */
    COMPLETED,
    /** An attempt failed: retried at its next attempt time, or failed for good when it has none. */
    FAILED;

    /** The lower-case name used in stores, JSON and on the command line. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a wire name in any case, surrounding spaces ignored. */
    public static Optional<EventStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim();
        for (EventStatus status : values()) {
            if (status.name().equalsIgnoreCase(wanted)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
