package io.outbox.retry;

import io.outbox.InvalidConfigurationException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed event is tried again. After attempt {@code n} the wait is the {@code n}-th
 * delay of the schedule (the last one repeats), spread by up to {@code ±jitter} of itself so
 * that many clients failing together do not return together. A handler's "not before"
 * (an HTTP {@code Retry-After}) wins when it is later. Immutable and thread-safe.
 */
public record RetryPolicy(List<Duration> delays, double jitter) {
    /** 1 s, 5 s, 30 s, 2 min, 10 min. */
    public static final List<Duration> DEFAULT_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));
    /** Each wait moves by up to ±10 %, so processors that failed together do not retry together. */
    public static final double DEFAULT_JITTER = 0.1;

    /** At least one delay, none negative (the last repeats); jitter in [0, 1). */
    public RetryPolicy {
        Objects.requireNonNull(delays, "delays");
        delays = List.copyOf(delays);
        if (delays.isEmpty()) {
            throw new InvalidConfigurationException("retry delays: at least one delay is needed");
        }
        for (Duration delay : delays) {
            if (delay.isNegative()) {
                throw new InvalidConfigurationException("retry delays must not be negative, was " + delay);
            }
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new InvalidConfigurationException("retry jitter must be in [0, 1), was " + jitter);
        }
    }

    /** {@link #DEFAULT_DELAYS} with {@link #DEFAULT_JITTER}. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_DELAYS, DEFAULT_JITTER);
    }

    /** The same delays with another jitter (0 makes the waits exact, as tests want). */
    public RetryPolicy withJitter(double newJitter) {
        return new RetryPolicy(delays, newJitter);
    }

    /** The wait after attempt number {@code attempt} (1 for the first), before jitter. */
    public Duration baseDelay(int attempt) {
        int index = Math.min(Math.max(attempt, 1), delays.size()) - 1;
        return delays.get(index);
    }

    /**
     * The next attempt time after attempt {@code attempt} failed at {@code now}.
     *
     * @param random uniform values in [0, 1), for the jitter
     */
    public Instant nextAttempt(int attempt, Instant now, Optional<Instant> notBefore, DoubleSupplier random) {
        Duration base = baseDelay(attempt);
        double factor = 1.0 + jitter * (2.0 * random.getAsDouble() - 1.0);
        long nanos = (long) (base.toNanos() * factor);
        Instant scheduled = now.plusNanos(Math.max(0, nanos));
        return notBefore.filter(scheduled::isBefore).orElse(scheduled);
    }
}
