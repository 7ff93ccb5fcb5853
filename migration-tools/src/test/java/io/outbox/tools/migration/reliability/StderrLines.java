package io.outbox.tools.migration.reliability;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What migrate may print on stderr: progress lines, the duplicate-id warning, and for a failure one line; never a stack trace. Stateless. */
final class StderrLines {
    private static final Pattern PROGRESS = Pattern.compile("migrate: (done, )?\\d+ of \\d+ rows read .*");
    private static final Pattern DUPLICATES = Pattern.compile("WARN SourceScan: \\d+ ids of \\S+ are held by more than one row.*");

    private StderrLines() {
    }

    static List<String> lines(String err) {
        return err.strip().isEmpty() ? List.of() : List.of(err.strip().split("\\R"));
    }

    /** A finished run's stderr: progress and the duplicate warning only. */
    static void assertProgressOnly(String err, String where) {
        assertNoStackTrace(err, where);
        assertThat(lines(err)).as("stderr lines of a finished run; %s", where)
                .allMatch(line -> PROGRESS.matcher(line).matches() || DUPLICATES.matcher(line).matches())
                .anyMatch(line -> line.startsWith("migrate: done, "));
    }

    /** A refused run's stderr: exactly one line, naming the command. */
    static String assertOneLine(String err, String where) {
        assertNoStackTrace(err, where);
        List<String> lines = lines(err);
        assertThat(lines).as("stderr of a refused run: one line; %s", where).hasSize(1);
        assertThat(lines.get(0)).as(where).matches("(migrate|migration-tools): .*");
        return lines.get(0);
    }

    static void assertNoStackTrace(String err, String where) {
        assertThat(err).as("a stack trace on stderr; %s", where).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("Caused by");
    }
}
