package io.outbox.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Found by the Lume hostile-input campaign: picocli quotes a value whole, line breaks and all. */
class CliRunnerTest {

    @Test
    void givenMessageWithLineBreak_whenMadeOneLine_thenBreakShownAsQuestionMark() {
        assertThat(CliRunner.oneLine("Invalid value for option '--batch-size': '1\n2' is not an int"))
                .isEqualTo("Invalid value for option '--batch-size': '1?2' is not an int");
    }

    @Test
    void givenHugeQuotedValue_whenMadeOneLine_thenMiddleCutAndEndKept() {
        String message = "Invalid value for option '--entries': '" + "9".repeat(100_000) + "' is not an int";

        String line = CliRunner.oneLine(message);

        assertThat(line).hasSizeLessThanOrEqualTo(260).startsWith("Invalid value for option '--entries': '999")
                .contains(" ... ").endsWith("' is not an int");
    }

    @Test
    void givenShortMessage_whenMadeOneLine_thenUnchanged() {
        assertThat(CliRunner.oneLine("no user: pass --user ID or set LUME_USER"))
                .isEqualTo("no user: pass --user ID or set LUME_USER");
    }
}
