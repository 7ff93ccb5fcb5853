package io.outbox.repository;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which events a query looks at: one user's or everyone's, and which event types.
 * An empty type set means every type.
 */
public record Scope(Optional<String> userId, Set<String> eventTypes) {
    public Scope {
        Objects.requireNonNull(userId, "userId");
        eventTypes = Set.copyOf(eventTypes);
    }

    public static Scope everything() {
        return new Scope(Optional.empty(), Set.of());
    }

    public static Scope user(String userId) {
        return new Scope(Optional.of(userId), Set.of());
    }

    public Scope withEventTypes(Set<String> types) {
        return new Scope(userId, types);
    }

    /** Whether an event of this user and type falls in scope. */
    public boolean includes(String eventUserId, String eventType) {
        return userId.map(eventUserId::equals).orElse(true)
                && (eventTypes.isEmpty() || eventTypes.contains(eventType));
    }
}
