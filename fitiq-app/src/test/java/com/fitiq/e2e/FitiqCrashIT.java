package com.fitiq.e2e;

import io.outbox.jpa.support.JarProcess;
import io.outbox.testing.backend.FaultKind;
import io.outbox.testing.backend.FaultPlan;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A sync killed with SIGKILL mid-delivery loses nothing and repeats nothing in effect; SIGTERM stops it cleanly. */
class FitiqCrashIT {
    private static Path backlog(Path dir, int entries) throws Exception {
        Path csv = dir.resolve("backlog.csv");
        StringBuilder rows = new StringBuilder("type,quantity,unit,date\n");
        for (int i = 0; i < entries; i++) {
            rows.append("steps,").append(1000 + i).append(",count,2025-01-01T00:00:00Z\n");
        }
        Files.writeString(csv, rows);
        return csv;
    }

    @Test
    void givenWatchKilledMidDelivery_whenSyncedAgain_thenNothingLostNothingDoubledNothingStuck(@TempDir Path dir)
            throws Exception {
        FitiqCli cli = FitiqCli.onDataDir(dir.resolve("data"), "alice");
        cli.ok("progress", "import", backlog(dir, 600).toString());
        try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(FitiqCli.TOKEN)
                .withFaults(FaultPlan.of(1.0, FaultKind.SLOW).withSlowDelay(Duration.ofMillis(25))))) {
            Process watch = cli.start(dir.resolve("watch.out"), dir.resolve("watch.err"),
                    FitiqCli.quickSync(backend.baseUri().toString(), "--watch"));
            JarProcess.await("100 entries delivered", Duration.ofMinutes(2), () -> backend.counters().acted() >= 100);
            watch.destroyForcibly(); // SIGKILL: no shutdown hook, claims left behind
            assertThat(watch.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long deliveredBeforeKill = backend.counters().acted();
            assertThat(deliveredBeforeKill).isLessThan(600);

            JarProcess.Result again = cli.run(FitiqCli.quickSync(backend.baseUri().toString(), "--until-idle"));

            assertThat(again.exitCode()).as(again.stderr()).isZero();
            assertThat(again.stdoutLines()).hasSize(1).first().asString().endsWith("failed 0, pending 0");
            assertThat(backend.resources("progress")).hasSize(600);
            assertThat(backend.createsPerClientId("progress").values()).allMatch(n -> n == 1);
            Map<String, Object> stats = Backends.parseObject(cli.ok("outbox", "stats", "--json"));
            assertThat(stats).containsEntry("completed", 600).containsEntry("processing", 0)
                    .containsEntry("pending", 0);
            Backends.assertBackendEqualsLocal(cli.ok("progress", "list", "--json"), backend.resources("progress"),
                    backend.createsPerClientId("progress"));
        }
    }

    @Test
    void givenWatchRunning_whenSigterm_thenStopsWithinTenSecondsWithSummaryAndExitZero(@TempDir Path dir)
            throws Exception {
        FitiqCli cli = FitiqCli.onDataDir(dir.resolve("data"), "alice");
        cli.ok("progress", "import", backlog(dir, 300).toString());
        try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(FitiqCli.TOKEN)
                .withFaults(FaultPlan.of(1.0, FaultKind.SLOW).withSlowDelay(Duration.ofMillis(50))))) {
            Path out = dir.resolve("watch.out");
            Process watch = cli.start(out, dir.resolve("watch.err"),
                    FitiqCli.quickSync(backend.baseUri().toString(), "--watch"));
            JarProcess.await("some entries delivered", Duration.ofMinutes(2), () -> backend.counters().acted() >= 20);

            watch.destroy(); // SIGTERM
            assertThat(watch.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();

            assertThat(watch.exitValue()).isZero();
            assertThat(Files.readAllLines(out)).singleElement().asString().matches("delivered \\d+, failed 0, pending \\d+");
            Map<String, Object> stats = Backends.parseObject(cli.ok("outbox", "stats", "--json"));
            assertThat(stats).containsEntry("processing", 0);
        }
    }
}
