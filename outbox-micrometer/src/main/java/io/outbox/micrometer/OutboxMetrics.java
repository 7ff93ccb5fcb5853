package io.outbox.micrometer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.outbox.InvalidConfigurationException;
import io.outbox.event.EventStatus;
import io.outbox.stats.OutboxStatistics;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Binds the outbox's gauges to a Micrometer registry: what the store holds, read from the
 * processor's {@link OutboxStatistics} when a gauge is read, and kept for a short while (10 s
 * by default) so that one scrape, or scrapes every few seconds, cost one store query. Its
 * counters and timers come from an {@link OutboxMetricsListener} passed to the processor.
 * Immutable and thread-safe once built.
 *
 * <p>Every meter of the module (tags besides those given to either class):
 * <table>
 * <caption>meters</caption>
 * <tr><th>name</th><th>type</th><th>tags</th><th>what it measures</th></tr>
 * <tr><td>{@code outbox.events}</td><td>gauge</td><td>{@code status}: {@code pending}, {@code processing},
 *     {@code completed}, {@code failed}</td><td>events in the store, per status (the four add up to all)</td></tr>
 * <tr><td>{@code outbox.events.failed.for.good}</td><td>gauge</td><td></td><td>failed events that will not be
 *     tried again unless retried by command (a part of {@code status=failed})</td></tr>
 * <tr><td>{@code outbox.events.stale}</td><td>gauge</td><td></td><td>pending for longer than the processor's
 *     {@code staleAfter} (5 min by default)</td></tr>
 * <tr><td>{@code outbox.events.blocked}</td><td>gauge</td><td></td><td>undelivered events held back by an
 *     earlier event of their entity that failed for good</td></tr>
 * <tr><td>{@code outbox.events.waiting.for.handler}</td><td>gauge</td><td></td><td>pending events of types
 *     the processor has no handler for</td></tr>
 * <tr><td>{@code outbox.pending.oldest.age}</td><td>time gauge</td><td></td><td>age of the oldest pending event;
 *     0 when none is pending</td></tr>
 * <tr><td>{@code outbox.deliveries}</td><td>counter</td><td>{@code event_type}</td><td>events delivered</td></tr>
 * <tr><td>{@code outbox.failures}</td><td>counter</td><td>{@code event_type}, {@code outcome}: {@code retry},
 *     {@code failed_for_good}</td><td>failed attempts: tried again later, or failed for good (a handler's
 *     verdict, or its last attempt used)</td></tr>
 * <tr><td>{@code outbox.waits}</td><td>counter</td><td>{@code event_type}</td><td>handler answers "wait for
 *     another event": the event was parked without an attempt counted</td></tr>
 * <tr><td>{@code outbox.handler.duration}</td><td>timer</td><td>{@code event_type}, {@code outcome}:
 *     {@code delivered}, {@code retry}, {@code failed_for_good}</td><td>handler time of each attempt</td></tr>
 * <tr><td>{@code outbox.delivery.latency}</td><td>timer</td><td>{@code event_type}</td><td>from an event's
 *     creation to its delivery</td></tr>
 * <tr><td>{@code outbox.reclaimed}</td><td>counter</td><td></td><td>events taken back from a worker that
 *     vanished (lease ran out, or left processing by a stopped process)</td></tr>
 * <tr><td>{@code outbox.cleanup.deleted}</td><td>counter</td><td></td><td>completed events deleted after their
 *     retention</td></tr>
 * <tr><td>{@code outbox.store.failures}</td><td>counter</td><td></td><td>times the store stopped answering the
 *     processor's loop (one per outage, not per failed try)</td></tr>
 * </table>
 *
 * <p>The gauges read NaN while the statistics cannot be read (the store is down). Event types are
 * the handlers' types, a small closed set; no meter is tagged by user or entity.
 */
public final class OutboxMetrics implements MeterBinder {
    /** How long a statistics read is reused when {@link Builder#cacheFor} is not set. */
    public static final Duration DEFAULT_CACHE_TIME = Duration.ofSeconds(10);

    private final StatisticsCache cache;
    private final Tags tags;

    private OutboxMetrics(Builder builder) {
        this.cache = new StatisticsCache(builder.statistics, builder.cacheTime, builder.clock);
        this.tags = builder.tags;
    }

    /**
     * A builder of gauges over {@code statistics}, usually {@code processor::statistics}: the
     * processor's scope (its user, or everyone) and its handlers decide what is counted.
     */
    public static Builder builder(Supplier<OutboxStatistics> statistics) {
        return new Builder(statistics);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (EventStatus status : EventStatus.values()) {
            gauge(registry, "outbox.events", "Events in the outbox store, per status", s -> count(s, status),
                    Tags.of("status", status.wireName()));
        }
        gauge(registry, "outbox.events.failed.for.good", "Failed events that will not be tried again on their own",
                OutboxStatistics::failedForGood, Tags.empty());
        gauge(registry, "outbox.events.stale", "Events pending for longer than the stale threshold",
                OutboxStatistics::stale, Tags.empty());
        gauge(registry, "outbox.events.blocked", "Events held back by an earlier event of their entity that failed"
                + " for good", OutboxStatistics::blockedByFailure, Tags.empty());
        gauge(registry, "outbox.events.waiting.for.handler", "Pending events of types without a handler",
                OutboxStatistics::waitingForHandlerTotal, Tags.empty());
        TimeGauge.builder("outbox.pending.oldest.age", () -> read(OutboxMetrics::oldestPendingSeconds),
                        TimeUnit.SECONDS)
                .description("Age of the oldest pending event, 0 when none is pending")
                .tags(tags)
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       ToDoubleFunction<OutboxStatistics> value, Tags extra) {
        // a Supplier gauge holds its function strongly, so the gauges outlive this binder
        Gauge.builder(name, () -> read(value))
                .description(description)
                .baseUnit("events")
                .tags(tags.and(extra))
                .register(registry);
    }

    private double read(ToDoubleFunction<OutboxStatistics> value) {
        return cache.current().map(value::applyAsDouble).orElse(Double.NaN);
    }

    private static double oldestPendingSeconds(OutboxStatistics statistics) {
        return statistics.oldestPendingAge().map(age -> age.toMillis() / 1000.0).orElse(0.0);
    }

    private static long count(OutboxStatistics statistics, EventStatus status) {
        return switch (status) {
            case PENDING -> statistics.pending();
            case PROCESSING -> statistics.processing();
            case COMPLETED -> statistics.completed();
            case FAILED -> statistics.failed();
        };
    }

    /** Settings of the gauges, each with a default; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private final Supplier<OutboxStatistics> statistics;
        private Duration cacheTime = DEFAULT_CACHE_TIME;
        private Clock clock = Clock.systemUTC();
        private Tags tags = Tags.empty();

        private Builder(Supplier<OutboxStatistics> statistics) {
            this.statistics = Objects.requireNonNull(statistics, "statistics");
        }

        /** How long one statistics read serves every gauge read, zero or positive (default 10 s; zero: no reuse). */
        public Builder cacheFor(Duration value) {
            cacheTime = Objects.requireNonNull(value, "cacheTime");
            return this;
        }

        /** Where the cache reads the time (default the system's UTC clock); tests pass a manual clock. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Tags added to every gauge (default none), to tell processors apart in one registry:
         * of two binders with the same tags, the registry keeps the first one's gauges.
         */
        public Builder tags(Iterable<Tag> value) {
            tags = Tags.of(value);
            return this;
        }

        /** The binder; throws {@link InvalidConfigurationException} when the cache time is negative. */
        public OutboxMetrics build() {
            if (cacheTime.isNegative()) {
                throw new InvalidConfigurationException("cacheTime must be zero or positive, was " + cacheTime);
            }
            return new OutboxMetrics(this);
        }
    }
}
