package com.fitiq.e2e;

import com.fitiq.cli.Main;
import io.outbox.cli.AppMain;
import io.outbox.cli.Environment;
import io.outbox.cli.Output;
import io.outbox.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code outbox list --stale} on a real store: the user's pending events older than 5 minutes, as stats counts them. */
class FitiqStaleEventsIT {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T08:00:00Z"));
    @TempDir
    Path data;

    @Test
    void givenPendingChangesOfTwoUsers_whenFiveMinutesPass_thenEachUserListsOnlyTheirOwnAsStale() {
        String old = run("alice", 0, "progress", "add", "--type", "weight", "--quantity", "70").trim();
        run("bob", 0, "progress", "add", "--type", "weight", "--quantity", "80");
        clock.advance(Duration.ofMinutes(4));
        run("alice", 0, "progress", "add", "--type", "steps", "--quantity", "900");

        assertThat(run("alice", 0, "outbox", "list", "--stale")).isEqualTo("no events" + System.lineSeparator());

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        String stale = run("alice", 0, "outbox", "list", "--stale", "--json");
        assertThat(stale).contains("\"entity_id\":\"" + old + "\"").doesNotContain("bob");
        assertThat(stale.split("\"entity_id\"")).hasSize(2);
        assertThat(run("alice", 0, "outbox", "stats", "--json")).contains("\"stale\":1");
        assertThat(run("alice", 2, "outbox", "list", "--stale", "--status", "failed")).isEmpty();
    }

    private String run(String user, int expectedExit, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AppMain.run(Main.LAUNCH, all.toArray(new String[0]), new Environment(Map.of("FITIQ_USER", user)),
                new Output(new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)), clock);
        assertThat(code).as(String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedExit);
        return out.toString(StandardCharsets.UTF_8);
    }
}
