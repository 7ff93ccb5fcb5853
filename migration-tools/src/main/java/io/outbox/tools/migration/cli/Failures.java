package io.outbox.tools.migration.cli;

import io.outbox.InvalidConfigurationException;
import io.outbox.OutboxException;
import io.outbox.tools.migration.legacy.LegacyTableException;

import java.io.PrintStream;
import java.io.UncheckedIOException;

/** Turns a command's failure into one line on stderr and its exit code; the stack trace only with --verbose. Stateless. */
final class Failures {
    private Failures() {
    }

    static int report(String command, Exception failure, PrintStream err, boolean verbose) {
        int code = exitCode(failure);
        String message = failure instanceof OutboxException || failure instanceof LegacyTableException
                || failure instanceof UncheckedIOException ? failure.getMessage()
                : "unexpected failure: " + failure + " (--verbose shows where)";
        err.println(command + ": " + firstLine(message));
        if (verbose) {
            failure.printStackTrace(err);
        }
        return code;
    }

    static int exitCode(Exception failure) {
        if (failure instanceof InvalidConfigurationException || failure instanceof LegacyTableException) {
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.STORE;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "failed";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
