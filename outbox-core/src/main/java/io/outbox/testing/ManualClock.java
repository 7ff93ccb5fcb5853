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

    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public static ManualClock at(String isoInstant) {
        return new ManualClock(Instant.parse(isoInstant));
    }

    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

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
