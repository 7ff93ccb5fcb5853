package io.outbox.repository;

import io.outbox.event.EventStatus;

import java.util.Objects;
import java.util.Optional;

/** A listing of events, oldest first: optionally one user's, optionally one status, at most {@code limit}. */
public record EventQuery(Optional<String> userId, Optional<EventStatus> status, int limit) {
    public static final int UNLIMITED = Integer.MAX_VALUE;

    public EventQuery {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    public static EventQuery all() {
        return new EventQuery(Optional.empty(), Optional.empty(), UNLIMITED);
    }

    public static EventQuery byStatus(EventStatus status) {
        return new EventQuery(Optional.empty(), Optional.of(status), UNLIMITED);
    }

    public EventQuery forUser(String userId) {
        return new EventQuery(Optional.of(userId), status, limit);
    }
}
