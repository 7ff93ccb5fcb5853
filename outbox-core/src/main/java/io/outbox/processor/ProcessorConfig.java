package io.outbox.processor;

import io.outbox.InvalidConfigurationException;
import io.outbox.retry.RetryPolicy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Every setting of the processor, with its default, checked once when built. Immutable.
 *
 * @param batchSize           events claimed per batch when little is due, and the floor (10)
 * @param pollInterval        how often an idle processor looks for due events without a trigger (2 s)
 * @param concurrency         handlers running at once, at most (3)
 * @param retryPolicy         backoff after a failed attempt (1 s, 5 s, 30 s, 2 min, 10 min, ±10 % jitter)
 * @param maxAttemptsOverride replaces each event's own attempt limit for this processor (none)
 * @param cleanupInterval     how often completed events past retention are deleted (1 h)
 * @param retention           how long completed events are kept (7 d)
 * @param staleAfter          a pending event older than this is stale (5 min)
 * @param lease               how long a claim lasts before the event is presumed orphaned (5 min);
 *                            a batch whose handlers still run renews its claims every half lease
 * @param leaseCheckInterval  how often expired claims are looked for (30 s)
 * @param lowPriorityShare    share of each batch claimed oldest-first whatever the priority, so
 *                            background work is never starved (0.2)
 * @param shutdownTimeout     how long {@code close()} lets in-flight handlers finish (10 s)
 * @param maxStoreBackoff     the longest wait between tries while the store is failing (30 s)
 * @param maxBatchSize        the most a batch grows to while a backlog lasts: each full batch
 *                            that took at most {@link #BATCH_TIME_BUDGET} doubles the next, and
 *                            a claim that finds less than it asked for falls back to
 *                            {@code batchSize} (50 times {@code batchSize}, at most 1,000, by
 *                            default; {@code batchSize} itself turns growing off)
 * @param waitRecheck         how long an event whose handler said "wait for another event" stays
 *                            parked before it is looked at again, should its wake-up be missed (1 min)
 */
public record ProcessorConfig(int batchSize, Duration pollInterval, int concurrency, RetryPolicy retryPolicy,
                              Optional<Integer> maxAttemptsOverride, Duration cleanupInterval, Duration retention,
                              Duration staleAfter, Duration lease, Duration leaseCheckInterval,
                              double lowPriorityShare, Duration shutdownTimeout, Duration maxStoreBackoff,
                              int maxBatchSize, Duration waitRecheck) {
    /**
     * How long a grown batch may take: a batch that ran longer stops growing (and one that ran
     * twice as long halves), so a change made during a backlog waits about this long at most.
     */
    public static final Duration BATCH_TIME_BUDGET = Duration.ofMillis(250);
    /** The default {@code maxBatchSize}, as a multiple of {@code batchSize}. */
    private static final int GROWTH = 50;
    /** The largest default {@code maxBatchSize}. */
    private static final int GROWN_CAP = 1_000;

    /** Checks every setting; throws {@link InvalidConfigurationException} naming the first one out of range. */
    public ProcessorConfig {
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(maxAttemptsOverride, "maxAttemptsOverride");
        requireRange("batchSize", batchSize, 1, 10_000);
        requireRange("concurrency", concurrency, 1, 1_000);
        requireRange("maxBatchSize", maxBatchSize, batchSize, 10_000);
        maxAttemptsOverride.ifPresent(max -> requireRange("maxAttempts", max, 1, 1_000));
        requirePositive("pollInterval", pollInterval);
        requirePositive("cleanupInterval", cleanupInterval);
        requirePositive("retention", retention);
        requirePositive("staleAfter", staleAfter);
        requirePositive("lease", lease);
        requirePositive("leaseCheckInterval", leaseCheckInterval);
        requirePositive("shutdownTimeout", shutdownTimeout);
        requirePositive("maxStoreBackoff", maxStoreBackoff);
        requirePositive("waitRecheck", waitRecheck);
        if (!(lowPriorityShare >= 0 && lowPriorityShare <= 0.5)) {
            throw new InvalidConfigurationException("lowPriorityShare must be in [0, 0.5], was " + lowPriorityShare);
        }
    }

    /** Every default, as the class comment lists them. */
    public static ProcessorConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this config, to change some settings of it. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static int grownDefault(int batchSize) {
        return Math.max(batchSize, Math.min(batchSize * GROWTH, GROWN_CAP));
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
        private Optional<Integer> maxBatchSize = Optional.empty();
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
        private Duration waitRecheck = Duration.ofMinutes(1);

        private Builder() {
        }

        private Builder(ProcessorConfig c) {
            batchSize = c.batchSize;
            // a default ceiling follows the batch size the new config gets; a chosen one is kept
            maxBatchSize = c.maxBatchSize == grownDefault(c.batchSize) ? Optional.empty() : Optional.of(c.maxBatchSize);
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
            waitRecheck = c.waitRecheck;
        }

        /** Events claimed per batch, 1 to 10,000 (default 10). */
        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        /** The most a batch grows to while a backlog lasts; {@code batchSize} keeps every batch at that size. */
        public Builder maxBatchSize(int value) {
            maxBatchSize = Optional.of(value);
            return this;
        }

        /** How often an idle processor looks for due events when nothing triggers it, positive (default 2 s). */
        public Builder pollInterval(Duration value) {
            pollInterval = value;
            return this;
        }

        /** Handlers running at once, at most, 1 to 1,000 (default 3). */
        public Builder concurrency(int value) {
            concurrency = value;
            return this;
        }

        /** The backoff after a failed attempt (default {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy value) {
            retryPolicy = value;
            return this;
        }

        /** Replaces each event's own attempt limit for this processor, 1 to 1,000 (default: each event's own). */
        public Builder maxAttemptsOverride(int value) {
            maxAttemptsOverride = Optional.of(value);
            return this;
        }

        /** How often completed events past {@link #retention} are deleted, positive (default 1 h). */
        public Builder cleanupInterval(Duration value) {
            cleanupInterval = value;
            return this;
        }

        /** How long completed events are kept, positive (default 7 d). */
        public Builder retention(Duration value) {
            retention = value;
            return this;
        }

        /** Age after which a pending event counts as stale in the statistics, positive (default 5 min). */
        public Builder staleAfter(Duration value) {
            staleAfter = value;
            return this;
        }

        /**
         * How long a claim lasts before its event is presumed orphaned and handed out again, positive
         * (default 5 min). A batch whose handlers run longer than half of it renews its claims every half lease.
         */
        public Builder lease(Duration value) {
            lease = value;
            return this;
        }

        /** How often expired claims are looked for, positive (default 30 s). */
        public Builder leaseCheckInterval(Duration value) {
            leaseCheckInterval = value;
            return this;
        }

        /** Share of each batch claimed oldest-first whatever the priority, 0 to 0.5 (default 0.2). */
        public Builder lowPriorityShare(double value) {
            lowPriorityShare = value;
            return this;
        }

        /** How long {@code close()} lets in-flight handlers finish before it interrupts them, positive (default 10 s). */
        public Builder shutdownTimeout(Duration value) {
            shutdownTimeout = value;
            return this;
        }

        /** The longest wait between tries while the store is failing, positive (default 30 s). */
        public Builder maxStoreBackoff(Duration value) {
            maxStoreBackoff = value;
            return this;
        }

        /** How long a waiting event stays parked before it is looked at again without a wake-up, positive (default 1 min). */
        public Builder waitRecheck(Duration value) {
            waitRecheck = value;
            return this;
        }

        /** The config; throws {@link InvalidConfigurationException} when a setting is out of range. */
        public ProcessorConfig build() {
            return new ProcessorConfig(batchSize, pollInterval, concurrency, retryPolicy, maxAttemptsOverride,
                    cleanupInterval, retention, staleAfter, lease, leaseCheckInterval, lowPriorityShare,
                    shutdownTimeout, maxStoreBackoff,
                    maxBatchSize.orElse(grownDefault(batchSize)), waitRecheck);
        }
    }
}
