package io.outbox.stats;

import io.outbox.InvalidConfigurationException;

import java.time.Duration;
import java.util.Objects;

/** Limits above which the outbox is reported unhealthy. {@link #production()} holds the documented defaults. */
public record HealthThresholds(Duration staleAfter, double maxFailureRate, long maxPending) {
    /** Checks each threshold once: a positive stale time, a rate in [0, 1], a pending count of at least 0. */
    public HealthThresholds {
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new InvalidConfigurationException("staleAfter must be positive, was " + staleAfter);
        }
        if (!(maxFailureRate >= 0 && maxFailureRate <= 1)) {
            throw new InvalidConfigurationException("maxFailureRate must be in [0, 1], was " + maxFailureRate);
        }
        if (maxPending < 0) {
            throw new InvalidConfigurationException("maxPending must not be negative, was " + maxPending);
        }
    }

    /** Stale after 5 minutes, failure rate over 10 %, more than 50 pending. */
    public static HealthThresholds production() {
        return new HealthThresholds(Duration.ofMinutes(5), 0.10, 50);
    }
}
