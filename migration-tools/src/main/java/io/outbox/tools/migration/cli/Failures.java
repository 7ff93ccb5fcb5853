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

    /**
     * The message's first line, and kept on one line: control characters and line separators left
     * in it (a value given with a carriage return, say) are shown as {@code \\uXXXX}, so that
     * neither a terminal nor a log reader sees a second line.
     */
    static String firstLine(String message) {
        if (message == null) {
            return "failed";
        }
        int newline = message.indexOf('\n');
        String line = (newline < 0 ? message : message.substring(0, newline)).trim();
        StringBuilder shown = new StringBuilder(line.length());
        line.chars().forEach(c -> {
            if ((Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029') {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.append((char) c);
            }
        });
        return shown.toString();
    }
}
