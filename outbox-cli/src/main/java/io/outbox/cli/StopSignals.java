package io.outbox.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a request to stop, so {@code sync --watch} can finish
 * in-flight work, print its summary and exit 0 instead of being torn down by the JVM.
 */
public class StopSignals {
    /** Waits for a stop request. */
    public interface Waiter {
        /** Blocks until a stop is requested. */
        void await() throws InterruptedException;
    }

    /** Handles SIGINT and SIGTERM from now on (each where the platform has it); the waiter returns at the first. */
    public Waiter install() {
        CountDownLatch stop = new CountDownLatch(1);
        for (String name : new String[]{"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop.countDown());
            } catch (IllegalArgumentException unsupported) {
                // this platform does not have the signal; the other one still works
            }
        }
        return stop::await;
    }
}
