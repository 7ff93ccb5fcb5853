package io.outbox.tools.migration.cli;

import io.outbox.testing.ManualClock;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** One command line run in this JVM, its streams captured. Immutable. */
public record CliRun(int exitCode, String out, String err) {
    public static CliRun of(String... args) {
        return with(Clock.systemUTC(), args);
    }

    public static CliRun with(Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new Io(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, clock));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A clock for runs whose timing does not matter. */
    static ManualClock fixedClock() {
        return ManualClock.at("2025-06-01T00:00:00Z");
    }

    /** The lines of stderr. */
    public String[] errLines() {
        return err.strip().isEmpty() ? new String[0] : err.strip().split("\\R");
    }
}
