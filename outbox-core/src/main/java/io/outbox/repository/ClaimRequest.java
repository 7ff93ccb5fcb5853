package io.outbox.repository;

import java.time.Instant;
import java.util.Objects;

/**
 * Claim up to {@code limit} due events in {@code scope} for {@code owner} until
 * {@code leaseExpiresAt}. Only the head of each entity's queue can be claimed: an event
 * waits while an earlier event of its entity is undelivered.
 */
public record ClaimRequest(String owner, int limit, Instant now, Instant leaseExpiresAt, Scope scope, ClaimOrder order) {
    /** Checks every field once: a limit of at least 1, a lease that ends after now, and the event types named. */
    public ClaimRequest {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(order, "order");
        if (limit < 1) {
            throw new IllegalArgumentException("claim limit must be at least 1, was " + limit);
        }
        if (!leaseExpiresAt.isAfter(now)) {
            throw new IllegalArgumentException("a lease must end after it starts");
        }
        if (scope.eventTypes().isEmpty()) {
            throw new IllegalArgumentException("a claim names the event types its claimer can handle");
        }
    }
}
