package io.outbox.tools.migration.cli;

import io.outbox.testing.ManualClock;
import io.outbox.tools.migration.run.Progress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress on stderr when it is not a terminal: a line after the first batch, then at most one every five seconds. */
class StderrProgressTest {
    private final ManualClock clock = ManualClock.at("2025-06-01T00:00:00Z");
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final StderrProgress progress = new StderrProgress(new PrintStream(err, true, StandardCharsets.UTF_8),
            false, clock, "migrate", false);

    @Test
    void givenNoTerminal_whenBatchesCommitQuickly_thenALineForTheFirstAndNoneUntilFiveSecondsPassed() {
        progress.started(1000);
        progress.advanced(new Progress(1000, 100, 90, 0, 10));
        clock.advance(Duration.ofSeconds(1));
        progress.advanced(new Progress(1000, 200, 180, 0, 20));
        clock.advance(Duration.ofSeconds(4));
        progress.advanced(new Progress(1000, 300, 270, 0, 30));
        assertThat(lines()).containsExactly(
                "migrate: 100 of 1000 rows read (10%): 90 migrated, 0 already present, 10 quarantined",
                "migrate: 300 of 1000 rows read (30%): 270 migrated, 0 already present, 30 quarantined");
    }

    @Test
    void givenNoTerminal_whenFinished_thenALastLineWithTheTotals() {
        progress.started(10);
        clock.advance(Duration.ofMillis(2500));
        progress.finished(new Progress(10, 10, 8, 1, 1));
        assertThat(lines()).containsExactly(
                "migrate: done, 10 of 10 rows read (100%): 8 migrated, 1 already present, 1 quarantined in 2.5 s");
    }

    private String[] lines() {
        return err.toString(StandardCharsets.UTF_8).strip().split("\\R");
    }
}
