package io.outbox.jpa.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting on other processes by polling a condition with a deadline. A read of the store that
 * fails (its server is being restarted) counts as "not yet"; a worker JVM that dies fails the
 * wait at once. Stateless.
 */
final class Poll {
    private static final long INTERVAL_MILLIS = 100;

    private Poll() {
    }

    /** Polls {@code condition} until it holds; fails after {@code timeout} or as soon as one of {@code workers} dies. */
    static void until(String what, Duration timeout, List<WorkerJvm> workers, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastFailure = null;
        while (true) {
            for (WorkerJvm w : workers) {
                if (!w.isAlive()) {
                    throw new AssertionError(w.owner() + " died while waiting for " + what + ": " + w.output());
                }
            }
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + timeout
                        + Optional.ofNullable(lastFailure).map(e -> "; last read failed: " + e.getMessage()).orElse(""),
                        lastFailure);
            }
            pause();
        }
    }

    /** {@code read}, tried again while it fails, for up to 30 s. */
    static <T> T retrying(Supplier<T> read) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return read.get();
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(INTERVAL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
