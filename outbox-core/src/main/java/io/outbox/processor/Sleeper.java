package io.outbox.processor;

import java.time.Duration;

/** Waits; injected so that tests advance a clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Waits for {@code duration}; throws when the thread is interrupted meanwhile. */
    void sleep(Duration duration) throws InterruptedException;
}
