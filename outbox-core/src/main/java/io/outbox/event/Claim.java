package io.outbox.event;

import java.time.Instant;
import java.util.Objects;

/**
 * Who is delivering an event and until when. When the lease runs out without an outcome,
 * the worker is presumed dead and the event returns to pending.
 */
public record Claim(String owner, Instant leaseExpiresAt) {
    /** The longest owner name a store keeps. */
    public static final int MAX_OWNER_LENGTH = 128;

    /** Checks the owner (1 to {@value #MAX_OWNER_LENGTH} characters) and the lease time. */
    public Claim {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
        if (owner.isBlank() || owner.length() > MAX_OWNER_LENGTH) {
            throw new IllegalArgumentException("claim owner must be 1 to " + MAX_OWNER_LENGTH + " characters");
        }
    }
}
