package io.outbox.repository;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which events a query looks at: one user's or everyone's, and which event types.
 * An empty type set means every type.
 */
public record Scope(Optional<String> userId, Set<String> eventTypes) {
    /** Copies {@code eventTypes}; an empty user means everyone. */
    public Scope {
        Objects.requireNonNull(userId, "userId");
        eventTypes = Set.copyOf(eventTypes);
    }

    /** Every user's events of every type. */
    public static Scope everything() {
        return new Scope(Optional.empty(), Set.of());
    }

    /** The events of {@code userId} alone, of every type (a processor started at sign-in). */
    public static Scope user(String userId) {
        return new Scope(Optional.of(userId), Set.of());
    }

    /** This scope narrowed to {@code types} (the types a processor has handlers for); empty means every type. */
    public Scope withEventTypes(Set<String> types) {
        return new Scope(userId, types);
    }

    /** Whether an event of this user and type falls in scope. */
    public boolean includes(String eventUserId, String eventType) {
        return userId.map(eventUserId::equals).orElse(true)
                && (eventTypes.isEmpty() || eventTypes.contains(eventType));
    }
}
