package io.outbox.tools.migration.reliability;

import io.outbox.tools.migration.cli.JarRun;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/**
 * When to SIGKILL a {@code migrate --verbose} run, chosen from a seeded random source and
 * anchored on what the run shows: its per-batch debug lines on stderr. Either early (a share of
 * the time the first batch took last round: JVM start, source scan, target creation, schema) or
 * after a chosen batch line plus a share of the time that batch took (so inside the next batch's
 * transaction, or between two), or right on the last batch line, before the report is written.
 * Immutable.
 *
 * @param afterBatch 0: early, by time; n: after the n-th batch line
 * @param fraction   the share of the anchoring interval to wait on top
 * @param batches    how many batches the run has
 * @param maxExtraMillis the most to wait after the anchoring line (small where every round must kill)
 */
record KillMoment(int afterBatch, double fraction, long firstBatchMillis, int batches, long maxExtraMillis) {
    private static final String BATCH_LINE = "DEBUG Migration: batch of ";
    private static final String DONE_LINE = "migrate: done";
    private static final long MAX_EXTRA_MILLIS = 1000;
    private static final long SURE_EXTRA_MILLIS = 50;
    /** After the first batch line there is no batch interval to go by yet (the first one holds the start-up). */
    private static final long FIRST_GAP_MILLIS = 100;

    /**
     * Early (3 in 10), after a batch line that another follows (6 in 10), or on the last batch line
     * (1 in 10: a race with the last bookkeeping and the report, which the run may win; not when
     * {@code sure}, for campaigns of a round or two that must kill).
     */
    static KillMoment choose(Random random, int rows, int batchSize, long firstBatchMillis, boolean sure) {
        int batches = (rows + batchSize - 1) / batchSize;
        int pick = random.nextInt(10);
        double fraction = random.nextDouble();
        long extra = sure ? SURE_EXTRA_MILLIS : MAX_EXTRA_MILLIS;
        if (pick < 3 || batches == 1) {
            return new KillMoment(0, sure ? fraction / 2 : fraction, firstBatchMillis, batches, extra);
        }
        if (pick == 9 && !sure) {
            return new KillMoment(batches, 0, firstBatchMillis, batches, extra);
        }
        return new KillMoment(1 + random.nextInt(batches - 1), fraction, firstBatchMillis, batches, extra);
    }

    /**
     * What happened.
     *
     * @param firstBatch how long the first batch line took to come, when one came
     */
    record Outcome(boolean killed, int exitCode, int batchesSeen, long atMillis, String stage, Optional<Long> firstBatch) {
        @Override
        public String toString() {
            return (killed ? "at " + atMillis + " ms, " : "not: it finished first, ") + stage + " (" + batchesSeen
                    + " batch lines seen, exit " + exitCode + ")";
        }
    }

    /** Waits for the moment, kills the run (unless it has ended), and says what it saw. */
    Outcome apply(JarRun run, Duration timeout, String where) {
        long started = System.nanoTime();
        Seen seen = new Seen(started);
        try (run) {
            if (afterBatch == 0) {
                run.awaitErrLine(seen::count, Duration.ofMillis((long) (fraction * firstBatchMillis)));
            } else {
                run.awaitErrLine(line -> seen.note(line) && seen.batches == afterBatch, timeout);
                long gap = Math.min(maxExtraMillis, afterBatch == 1 ? FIRST_GAP_MILLIS
                        : (seen.lastAt - seen.previousAt) / 1_000_000);
                run.awaitErrLine(seen::count, Duration.ofMillis((long) (fraction * gap)));
            }
            long at = (System.nanoTime() - started) / 1_000_000;
            run.kill();
            int code = run.await(timeout);
            run.awaitErrLine(seen::count, Duration.ofMillis(200)); // lines already written before the kill
            boolean killed = code == 137;
            String stage = !killed ? "not killed" : seen.batches == 0 ? "before the first batch"
                    : seen.done ? "after the last line" : seen.batches >= batches ? "after the last batch"
                    : "between or inside batches";
            return new Outcome(killed, code, seen.batches, at, stage, seen.firstBatch);
        }
    }

    /** Counts the lines as they come. Not thread-safe (only the test thread reads the queue). */
    private static final class Seen {
        private final long started;
        int batches;
        boolean done;
        long previousAt;
        long lastAt;
        Optional<Long> firstBatch = Optional.empty();

        Seen(long started) {
            this.started = started;
            this.previousAt = started;
            this.lastAt = started;
        }

        /** Notes a line; false, so a wait goes on until its deadline or the run's end. */
        boolean count(String line) {
            note(line);
            return false;
        }

        /** Notes a line; true, for use before a condition. */
        boolean note(String line) {
            if (line.startsWith(BATCH_LINE)) {
                batches++;
                previousAt = lastAt;
                lastAt = System.nanoTime();
                if (batches == 1) {
                    firstBatch = Optional.of((lastAt - started) / 1_000_000);
                }
            }
            done |= line.startsWith(DONE_LINE);
            return true;
        }
    }
}
