package io.outbox.testing.backend;

import io.outbox.InvalidConfigurationException;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which share of requests gets a fault, of which kinds, and how slow {@link FaultKind#SLOW} is
 * (200 ms unless told). Immutable. The kind is picked evenly among {@code kinds}.
 */
public record FaultPlan(double rate, Set<FaultKind> kinds, Duration slowDelay) {
    /** How long a slow answer waits unless told: 200 ms. */
    public static final Duration DEFAULT_SLOW_DELAY = Duration.ofMillis(200);

    /** Checks the rate (0 to 1), that a kind is named, and the slow delay (0 to 1 min). */
    public FaultPlan {
        if (!(rate >= 0 && rate <= 1)) {
            throw new InvalidConfigurationException("the fault rate must be in [0, 1], was " + rate);
        }
        Objects.requireNonNull(kinds, "kinds");
        Objects.requireNonNull(slowDelay, "slowDelay");
        if (kinds.isEmpty()) {
            throw new InvalidConfigurationException("a fault plan needs at least one kind of fault");
        }
        if (slowDelay.isNegative() || slowDelay.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new InvalidConfigurationException("the slow delay must be in [0, 1 min], was " + slowDelay);
        }
        // enum order, so the same seed picks the same kinds whatever set was passed in
        kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
    }

    /** No faults at all. */
    public static FaultPlan none() {
        return of(0);
    }

    /** Faults of every kind on a share {@code rate} of requests. */
    public static FaultPlan of(double rate) {
        return new FaultPlan(rate, EnumSet.allOf(FaultKind.class), DEFAULT_SLOW_DELAY);
    }

    /** Faults of the given kinds only on a share {@code rate} of requests. */
    public static FaultPlan of(double rate, FaultKind first, FaultKind... more) {
        return new FaultPlan(rate, EnumSet.of(first, more), DEFAULT_SLOW_DELAY);
    }

    /** The same plan with slow answers waiting {@code delay}. */
    public FaultPlan withSlowDelay(Duration delay) {
        return new FaultPlan(rate, kinds, delay);
    }
}
