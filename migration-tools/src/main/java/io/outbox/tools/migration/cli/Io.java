package io.outbox.tools.migration.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;

/**
 * The streams and clock a command works with: the process's own in {@link Main#main}, captured
 * ones in tests. Immutable.
 *
 * @param terminal whether stderr is a terminal (a redrawn progress bar) or not (occasional lines)
 */
record Io(PrintStream out, PrintStream err, boolean terminal, Clock clock) {
    Io {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(clock, "clock");
    }
}
