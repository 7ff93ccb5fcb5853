package io.outbox.testing;

import io.outbox.processor.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when told, for tests that control time instead of sleeping. Thread-safe. */
public final class ManualClock extends Clock {
    private final AtomicReference<Instant> now;

    /** A clock standing at {@code start}, in UTC. */
    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** A clock standing at an ISO-8601 instant such as {@code 2025-01-31T08:00:00Z}. */
    public static ManualClock at(String isoInstant) {
        return new ManualClock(Instant.parse(isoInstant));
    }

    /** Moves the time on by {@code duration}. */
    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    /** Sets the time, forwards or back. */
    public void set(Instant instant) {
        now.set(instant);
    }

    /** A sleeper that advances this clock instead of waiting. */
    public Sleeper sleeper() {
        return this::advance;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
