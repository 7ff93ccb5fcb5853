package io.outbox.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.outbox.OutboxException;
import io.outbox.event.OutboxEvent;
import io.outbox.listener.OutboxListener;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Counts and times what the processor does, as the listener it is built with: deliveries,
 * failures, handler time, delivery latency, reclaimed and cleaned-up events, store outages (the
 * counters and timers of the table in {@link OutboxMetrics}). It passes every call on to the
 * listener it wraps, if any, since a processor takes one listener. Meters are tagged by event
 * type (the handlers' types, a small closed set), never by user or entity. Thread-safe.
 */
public final class OutboxMetricsListener implements OutboxListener {
    static final String EVENT_TYPE = "event_type";
    static final String OUTCOME = "outcome";

    private final OutboxListener next;
    private final Meter.MeterProvider<Counter> deliveries;
    private final Meter.MeterProvider<Counter> failures;
    private final Meter.MeterProvider<Timer> handlerDuration;
    private final Meter.MeterProvider<Timer> deliveryLatency;
    private final Counter reclaimed;
    private final Counter cleanedUp;
    private final Counter storeFailures;
    private final Meter.MeterProvider<Counter> waits;

    /** Records into {@code registry}, and nothing else. */
    public OutboxMetricsListener(MeterRegistry registry) {
        this(registry, Tags.empty(), OutboxListener.NONE);
    }

    /**
     * Records into {@code registry}, with {@code tags} on every meter, then calls {@code next}
     * (the app's own listener, or {@link OutboxListener#NONE}); {@code next} is called even when
     * recording fails.
     */
    public OutboxMetricsListener(MeterRegistry registry, Iterable<Tag> tags, OutboxListener next) {
        Objects.requireNonNull(registry, "registry");
        this.next = Objects.requireNonNull(next, "next");
        Tags common = Tags.of(tags);
        deliveries = Counter.builder("outbox.deliveries").description("Events delivered").baseUnit("events")
                .tags(common).withRegistry(registry);
        failures = Counter.builder("outbox.failures")
                .description("Failed attempts: retried later, or failed for good").baseUnit("events")
                .tags(common).withRegistry(registry);
        handlerDuration = Timer.builder("outbox.handler.duration").description("Handler time of each attempt")
                .tags(common).withRegistry(registry);
        deliveryLatency = Timer.builder("outbox.delivery.latency")
                .description("From an event's creation to its delivery").tags(common).withRegistry(registry);
        reclaimed = Counter.builder("outbox.reclaimed").description("Events taken back from a vanished worker")
                .baseUnit("events").tags(common).register(registry);
        cleanedUp = Counter.builder("outbox.cleanup.deleted")
                .description("Completed events deleted after their retention").baseUnit("events")
                .tags(common).register(registry);
        storeFailures = Counter.builder("outbox.store.failures")
                .description("Times the store stopped answering the processor").tags(common).register(registry);
        waits = Counter.builder("outbox.waits")
                .description("Attempts that waited on another event, without counting as an attempt")
                .baseUnit("events").tags(common).withRegistry(registry);
    }

    @Override
    public void claimed(List<OutboxEvent> events) {
        next.claimed(events);
    }

    @Override
    public void delivered(OutboxEvent event, Duration handlerTime, Duration latency) {
        try {
            Tags type = Tags.of(EVENT_TYPE, event.eventType());
            deliveries.withTags(type).increment();
            handlerDuration.withTags(type.and(OUTCOME, "delivered")).record(handlerTime);
            deliveryLatency.withTags(type).record(latency);
        } finally {
            next.delivered(event, handlerTime, latency);
        }
    }

    @Override
    public void retried(OutboxEvent event, String reason, Instant nextAttemptAt, Duration handlerTime) {
        try {
            failed(event, "retry", handlerTime);
        } finally {
            next.retried(event, reason, nextAttemptAt, handlerTime);
        }
    }

    @Override
    public void failedForGood(OutboxEvent event, String reason, Duration handlerTime) {
        try {
            failed(event, "failed_for_good", handlerTime);
        } finally {
            next.failedForGood(event, reason, handlerTime);
        }
    }

    private void failed(OutboxEvent event, String outcome, Duration handlerTime) {
        Tags tags = Tags.of(EVENT_TYPE, event.eventType(), OUTCOME, outcome);
        failures.withTags(tags).increment();
        handlerDuration.withTags(tags).record(handlerTime);
    }

    @Override
    public void reclaimed(int count) {
        try {
            reclaimed.increment(count);
        } finally {
            next.reclaimed(count);
        }
    }

    @Override
    public void cleanedUp(int count) {
        try {
            cleanedUp.increment(count);
        } finally {
            next.cleanedUp(count);
        }
    }

    @Override
    public void storeFailed(OutboxException failure) {
        try {
            storeFailures.increment();
        } finally {
            next.storeFailed(failure);
        }
    }

    @Override
    public void waiting(OutboxEvent event, java.util.UUID awaited, String reason) {
        try {
            waits.withTags(Tags.of(EVENT_TYPE, event.eventType())).increment();
        } finally {
            next.waiting(event, awaited, reason);
        }
    }
}
