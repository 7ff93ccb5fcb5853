package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.benchmarks.harness.Stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Shared pieces of the latency scenarios: pacing, waiting, wall-clock stamps, percentiles. Stateless. */
public final class Latencies {
    /** The percentiles reported, in this order. */
    public static final List<Double> PERCENTILES = List.of(50.0, 95.0, 99.0);

    private Latencies() {
    }

    /** Calls {@code write} with 0, 1, 2... {@code count} times at {@code perSecond}, catching up when late. */
    public static void paced(int count, int perSecond, java.util.function.IntConsumer write) {
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            write.accept(i);
        }
    }

    /** Waits until {@code done} holds; fails after {@code timeout}. */
    public static void await(BooleanSupplier done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new BenchmarkException("timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** Microseconds since the epoch: a wall-clock stamp two JVMs on one machine can compare. */
    public static long epochMicros(Clock clock) {
        Instant now = clock.instant();
        return ChronoUnit.MICROS.between(Instant.EPOCH, now);
    }

    /** p50, p95 and p99 of the samples, in milliseconds. */
    public static List<Double> percentiles(List<Double> millis) {
        return PERCENTILES.stream().map(p -> Stats.percentile(millis, p)).toList();
    }
}
