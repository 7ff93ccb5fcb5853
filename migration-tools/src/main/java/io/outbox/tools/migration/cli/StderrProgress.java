package io.outbox.tools.migration.cli;

import io.outbox.tools.migration.run.Progress;
import io.outbox.tools.migration.run.ProgressListener;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Shows a scan's progress on stderr: on a terminal a bar redrawn at most ten times a second;
 * otherwise (a log, a pipe) one line after the first batch, then at most one every five seconds,
 * and a last line at the end. Not thread-safe.
 */
final class StderrProgress implements ProgressListener {
    static final Duration LINE_EVERY = Duration.ofSeconds(5);
    private static final Duration REDRAW_EVERY = Duration.ofMillis(100);
    private static final int BAR_WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final Clock clock;
    private final String command;
    private final boolean hypothetical;
    private Instant started;
    private Instant lastShown;

    /** @param hypothetical an inspection or a dry run: counts say what would happen */
    StderrProgress(PrintStream err, boolean terminal, Clock clock, String command, boolean hypothetical) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
        this.command = command;
        this.hypothetical = hypothetical;
    }

    @Override
    public void started(long total) {
        started = clock.instant();
        if (terminal) {
            draw(new Progress(total, 0, 0, 0, 0));
        }
    }

    @Override
    public void advanced(Progress progress) {
        Instant now = clock.instant();
        Duration every = terminal ? REDRAW_EVERY : LINE_EVERY;
        if (lastShown == null || !now.isBefore(lastShown.plus(every))) {
            lastShown = now;
            if (terminal) {
                draw(progress);
            } else {
                err.println(command + ": " + counts(progress));
            }
        }
    }

    @Override
    public void finished(Progress progress) {
        if (terminal) {
            draw(progress);
            err.println();
        }
        Duration took = Duration.between(started == null ? clock.instant() : started, clock.instant());
        err.printf("%s: done, %s in %.1f s%n", command, counts(progress), took.toMillis() / 1000.0);
    }

    private void draw(Progress progress) {
        int filled = progress.total() == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * progress.read() / progress.total());
        err.print("\r[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + counts(progress));
        err.flush();
    }

    private String counts(Progress progress) {
        long percent = progress.total() == 0 ? 100 : 100 * progress.read() / progress.total();
        String would = hypothetical ? "to be " : "";
        return progress.read() + " of " + progress.total() + " rows read (" + percent + "%): " + progress.migrated()
                + " " + would + "migrated, " + progress.alreadyPresent() + " already present, "
                + progress.quarantined() + " " + would + "quarantined";
    }
}
