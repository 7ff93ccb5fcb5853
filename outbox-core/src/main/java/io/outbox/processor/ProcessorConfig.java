package io.outbox.processor;

import io.outbox.InvalidConfigurationException;
import io.outbox.retry.RetryPolicy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Every setting of the processor, with its default, checked once when built. Immutable.
 *
 * @param batchSize           events claimed per batch (10)
 * @param pollInterval        how often an idle processor looks for due events without a trigger (2 s)
 * @param concurrency         handlers running at once, at most (3)
 * @param retryPolicy         backoff after a failed attempt (1 s, 5 s, 30 s, 2 min, 10 min, ±10 % jitter)
 * @param maxAttemptsOverride replaces each event's own attempt limit for this processor (none)
 * @param cleanupInterval     how often completed events past retention are deleted (1 h)
 * @param retention           how long completed events are kept (7 d)
 * @param staleAfter          a pending event older than this is stale (5 min)
 * @param lease               how long a claim lasts before the event is presumed orphaned (5 min)
 * @param leaseCheckInterval  how often expired claims are looked for (30 s)
 * @param lowPriorityShare    share of each batch claimed oldest-first whatever the priority, so
 *                            background work is never starved (0.2)
 * @param shutdownTimeout     how long {@code close()} lets in-flight handlers finish (10 s)
 * @param maxStoreBackoff     the longest wait between tries while the store is failing (30 s)
 */
public record ProcessorConfig(int batchSize, Duration pollInterval, int concurrency, RetryPolicy retryPolicy,
                              Optional<Integer> maxAttemptsOverride, Duration cleanupInterval, Duration retention,
                              Duration staleAfter, Duration lease, Duration leaseCheckInterval,
                              double lowPriorityShare, Duration shutdownTimeout, Duration maxStoreBackoff) {

    public ProcessorConfig {
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(maxAttemptsOverride, "maxAttemptsOverride");
        requireRange("batchSize", batchSize, 1, 10_000);
        requireRange("concurrency", concurrency, 1, 1_000);
        maxAttemptsOverride.ifPresent(max -> requireRange("maxAttempts", max, 1, 1_000));
        requirePositive("pollInterval", pollInterval);
        requirePositive("cleanupInterval", cleanupInterval);
        requirePositive("retention", retention);
        requirePositive("staleAfter", staleAfter);
        requirePositive("lease", lease);
        requirePositive("leaseCheckInterval", leaseCheckInterval);
        requirePositive("shutdownTimeout", shutdownTimeout);
        requirePositive("maxStoreBackoff", maxStoreBackoff);
        if (!(lowPriorityShare >= 0 && lowPriorityShare <= 0.5)) {
            throw new InvalidConfigurationException("lowPriorityShare must be in [0, 0.5], was " + lowPriorityShare);
        }
    }

    public static ProcessorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidConfigurationException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidConfigurationException(name + " must be a positive duration, was " + value);
        }
    }

    /** Builds a config from the defaults; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private int batchSize = 10;
        private Duration pollInterval = Duration.ofSeconds(2);
        private int concurrency = 3;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Optional<Integer> maxAttemptsOverride = Optional.empty();
        private Duration cleanupInterval = Duration.ofHours(1);
        private Duration retention = Duration.ofDays(7);
        private Duration staleAfter = Duration.ofMinutes(5);
        private Duration lease = Duration.ofMinutes(5);
        private Duration leaseCheckInterval = Duration.ofSeconds(30);
        private double lowPriorityShare = 0.2;
        private Duration shutdownTimeout = Duration.ofSeconds(10);
        private Duration maxStoreBackoff = Duration.ofSeconds(30);

        private Builder() {
        }

        private Builder(ProcessorConfig c) {
            batchSize = c.batchSize;
            pollInterval = c.pollInterval;
            concurrency = c.concurrency;
            retryPolicy = c.retryPolicy;
            maxAttemptsOverride = c.maxAttemptsOverride;
            cleanupInterval = c.cleanupInterval;
            retention = c.retention;
            staleAfter = c.staleAfter;
            lease = c.lease;
            leaseCheckInterval = c.leaseCheckInterval;
            lowPriorityShare = c.lowPriorityShare;
            shutdownTimeout = c.shutdownTimeout;
            maxStoreBackoff = c.maxStoreBackoff;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder pollInterval(Duration value) {
            pollInterval = value;
            return this;
        }

        public Builder concurrency(int value) {
            concurrency = value;
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            retryPolicy = value;
            return this;
        }

        public Builder maxAttemptsOverride(int value) {
            maxAttemptsOverride = Optional.of(value);
            return this;
        }

        public Builder cleanupInterval(Duration value) {
            cleanupInterval = value;
            return this;
        }

        public Builder retention(Duration value) {
            retention = value;
            return this;
        }

        public Builder staleAfter(Duration value) {
            staleAfter = value;
            return this;
        }

        public Builder lease(Duration value) {
            lease = value;
            return this;
        }

        public Builder leaseCheckInterval(Duration value) {
            leaseCheckInterval = value;
            return this;
        }

        public Builder lowPriorityShare(double value) {
            lowPriorityShare = value;
            return this;
        }

        public Builder shutdownTimeout(Duration value) {
            shutdownTimeout = value;
            return this;
        }

        public Builder maxStoreBackoff(Duration value) {
            maxStoreBackoff = value;
            return this;
        }

        public ProcessorConfig build() {
            return new ProcessorConfig(batchSize, pollInterval, concurrency, retryPolicy, maxAttemptsOverride,
                    cleanupInterval, retention, staleAfter, lease, leaseCheckInterval, lowPriorityShare,
                    shutdownTimeout, maxStoreBackoff);
        }
    }
}
