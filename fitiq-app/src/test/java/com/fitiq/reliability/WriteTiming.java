package com.fitiq.reliability;

import io.outbox.jpa.support.JarProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long one write command takes on this machine, measured once unkilled: its whole run, and
 * when it printed its result (just after its commit). Kill moments are drawn from those, so a
 * campaign lands kills all along the run, close to the commit and after it. Immutable.
 */
record WriteTiming(long runtimeNanos, long printedNanos) {
    /** Runs the write three times unkilled and keeps the fastest: on a busy machine one slow run put most kills after the end. */
    static WriteTiming measure(CampaignJar cli, Path dir, String... args) throws Exception {
        WriteTiming fastest = measureOnce(cli, dir, 0, args);
        for (int run = 1; run < 3; run++) {
            WriteTiming next = measureOnce(cli, dir, run, args);
            fastest = next.runtimeNanos < fastest.runtimeNanos ? next : fastest;
        }
        return fastest;
    }

    private static WriteTiming measureOnce(CampaignJar cli, Path dir, int run, String... args) throws Exception {
        Path out = dir.resolve("timing-" + run + ".out");
        Path err = dir.resolve("timing-" + run + ".err");
        long start = System.nanoTime();
        Process process = cli.start(out, err, args);
        JarProcess.await("the timing run printed its result", Duration.ofMinutes(1),
                () -> sizeOf(out) > 0 || !process.isAlive());
        long printed = System.nanoTime() - start;
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        long runtime = System.nanoTime() - start;
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        return new WriteTiming(runtime, Math.min(printed, runtime));
    }

    /** When to kill a write: a seeded moment, or as soon as it printed its result plus a seeded pause. */
    record KillMoment(long nanos, boolean afterResult) {
        @Override
        public String toString() {
            return (afterResult ? "after its result + " : "after ") + nanos / 1_000_000 + " ms";
        }
    }

    /**
     * A third anywhere in 0..runtime; a third in 90..100 % of the time to the result, around the
     * commit; a third 0..50 ms after the result, while the store is being closed.
     */
    KillMoment killMoment(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> new KillMoment((long) (random.nextDouble() * runtimeNanos), false);
            case 1 -> new KillMoment((long) (printedNanos * (0.9 + 0.1 * random.nextDouble())), false);
            default -> new KillMoment(random.nextInt(50_000_000), true);
        };
    }

    String describe() {
        return "a write takes " + runtimeNanos / 1_000_000 + " ms, result at " + printedNanos / 1_000_000 + " ms";
    }

    static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
