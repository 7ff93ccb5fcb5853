package io.outbox.repository;

import io.outbox.event.EventStatus;

import java.util.Objects;
import java.util.Optional;

/** A listing of events, oldest first: optionally one user's, optionally one status, at most {@code limit}. */
public record EventQuery(Optional<String> userId, Optional<EventStatus> status, int limit) {
    /** No limit on the number of events listed. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** {@code limit} is at least 1. */
    public EventQuery {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** Every event of every user. */
    public static EventQuery all() {
        return new EventQuery(Optional.empty(), Optional.empty(), UNLIMITED);
    }

    /** Every user's events in {@code status}. */
    public static EventQuery byStatus(EventStatus status) {
        return new EventQuery(Optional.empty(), Optional.of(status), UNLIMITED);
    }

    /** This listing narrowed to the events of {@code userId}. */
    public EventQuery forUser(String userId) {
        return new EventQuery(Optional.of(userId), status, limit);
    }
}
