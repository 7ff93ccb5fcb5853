package com.fitiq.e2e;

import io.outbox.jpa.support.JarProcess;
import io.outbox.testing.backend.FaultPlan;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The built jar end to end against the stand-in API with injected faults: every change arrives, once. */
class FitiqSyncIT {
    @Test
    void givenTwoHundredChangesAndThirtyPercentFaults_whenSyncedUntilIdle_thenBackendEqualsLocal(@TempDir Path dir)
            throws Exception {
        FitiqCli cli = FitiqCli.onDataDir(dir.resolve("data"), "alice");
        Path csv = dir.resolve("import.csv");
        StringBuilder rows = new StringBuilder("type,quantity,unit,date\n");
        for (int i = 0; i < 190; i++) {
            rows.append(i % 2 == 0 ? "weight," + (60 + i % 30) + ".5,kg," : "steps," + (1000 + i) + ",,")
                    .append("2025-01-").append(String.format("%02d", 1 + i % 28)).append("T07:00:00Z\n");
        }
        Files.writeString(csv, rows);
        assertThat(cli.ok("progress", "import", csv.toString())).contains("imported 190 entries");
        List<String> made = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 10; i++) {
            if (i % 5 == 2 && !made.isEmpty()) {
                cli.ok("progress", "update", made.get(random.nextInt(made.size())), "--quantity", "88");
            } else if (i % 5 == 4 && made.size() > 1) {
                cli.ok("progress", "delete", made.remove(random.nextInt(made.size())));
            } else {
                made.add(cli.ok("progress", "add", "--type", "heart_rate", "--quantity", String.valueOf(60 + i),
                        "--date", "2025-02-01T08:" + String.format("%02d", i) + ":00Z").trim());
            }
        }

        try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(FitiqCli.TOKEN)
                .withFaults(FaultPlan.of(0.3)).withSeed(7))) {
            JarProcess.Result sync = cli.run(FitiqCli.quickSync(backend.baseUri().toString(), "--until-idle"));

            assertThat(sync.exitCode()).as(sync.stderr()).isZero();
            assertThat(sync.stdoutLines()).containsExactly("delivered 200, failed 0, pending 0");
            assertThat(backend.counters().totalFaults()).isPositive();
            Backends.assertBackendEqualsLocal(cli.ok("progress", "list", "--json"), backend.resources("progress"),
                    backend.createsPerClientId("progress"));
            Map<String, Object> stats = Backends.parseObject(cli.ok("outbox", "stats", "--json"));
            assertThat(stats).containsEntry("total", 200).containsEntry("completed", 200)
                    .containsEntry("pending", 0).containsEntry("failed", 0).containsEntry("success_rate", 1.0);
            assertThat(sync.everything()).doesNotContain(FitiqCli.TOKEN);
        }
    }

    @Test
    void givenNoSetUp_whenDemoRuns_thenReportSaysBackendEqualsLocalAndExitsZero() {
        JarProcess.Result demo = JarProcess.run(FitiqCli.JAR, Map.of(), java.time.Duration.ofMinutes(3),
                "demo", "--entries", "200", "--failure-rate", "0.3", "--seed", "11");

        assertThat(demo.exitCode()).as(demo.stderr()).isZero();
        assertThat(demo.stdout()).contains("200 local changes").contains("failed for good 0, still pending 0")
                .contains("backend state equals local state: yes");
    }
}
