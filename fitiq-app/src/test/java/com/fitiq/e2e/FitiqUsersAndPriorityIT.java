package com.fitiq.e2e;

import io.outbox.jpa.support.JarProcess;
import io.outbox.jpa.support.PostgresSchema;
import io.outbox.testing.backend.FaultKind;
import io.outbox.testing.backend.FaultPlan;
import io.outbox.testing.backend.Resource;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Two users in one store never see or send each other's entries; a user's own entry overtakes a big import. */
class FitiqUsersAndPriorityIT {
    @Test
    void givenTwoUsersInOneStore_whenEachListsAndAliceSyncs_thenNeitherSeesNorSendsTheOthers(@TempDir Path dir) {
        FitiqCli alice = FitiqCli.onDataDir(dir.resolve("data"), "alice");
        FitiqCli bob = alice.asUser("bob");
        for (int i = 0; i < 3; i++) {
            alice.ok("progress", "add", "--type", "weight", "--quantity", String.valueOf(70 + i));
        }
        String bobsEntry = bob.ok("progress", "add", "--type", "height", "--quantity", "180").trim();
        Set<String> aliceIds = Backends.ids(alice.ok("progress", "list", "--json"));
        String bobsEvent = (String) Backends.parseArray(bob.ok("outbox", "list", "--json")).get(0).get("id");

        assertThat(aliceIds).hasSize(3).doesNotContain(bobsEntry);
        assertThat(Backends.parseArray(alice.ok("outbox", "list", "--json")))
                .allSatisfy(e -> assertThat(e).containsEntry("user_id", "alice")).hasSize(3);
        JarProcess.Result retry = alice.run("outbox", "retry", bobsEvent);
        assertThat(retry.exitCode()).isEqualTo(2);
        assertThat(retry.stderr()).contains("no event " + bobsEvent + " for user alice");
        try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(FitiqCli.TOKEN))) {
            assertThat(alice.run(FitiqCli.quickSync(backend.baseUri().toString(), "--until-idle")).stdoutLines())
                    .containsExactly("delivered 3, failed 0, pending 0");
            assertThat(backend.resources("progress").values().stream().map(Resource::clientId)
                    .collect(Collectors.toSet())).isEqualTo(aliceIds);
        }
        assertThat(Backends.parseObject(bob.ok("outbox", "stats", "--json"))).containsEntry("pending", 1)
                .containsEntry("total", 1);
    }

    @Test
    void givenRunningFiveThousandEntryImportOnSharedStore_whenUserAddsEntry_thenItOvertakesTheImport(
            @TempDir Path dir) throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("fitiq_priority")) {
            FitiqCli cli = FitiqCli.onUrl(schema.url(), "alice");
            Path csv = dir.resolve("import.csv");
            StringBuilder rows = new StringBuilder("type,quantity,unit,date\n");
            for (int i = 0; i < 5000; i++) {
                rows.append("steps,").append(i).append(",count,2025-01-01T00:00:00Z\n");
            }
            Files.writeString(csv, rows);
            cli.ok("progress", "import", csv.toString());
            try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(FitiqCli.TOKEN)
                    .withFaults(FaultPlan.of(1.0, FaultKind.SLOW).withSlowDelay(Duration.ofMillis(20))))) {
                Process watch = cli.start(dir.resolve("out"), dir.resolve("err"),
                        FitiqCli.quickSync(backend.baseUri().toString(), "--watch"));
                try {
                    JarProcess.await("the import is being delivered", Duration.ofMinutes(2),
                            () -> backend.counters().acted() >= 50);
                    String mine = cli.ok("progress", "add", "--type", "weight", "--quantity", "72").trim();
                    AtomicLong deliveredWhenMineArrived = new AtomicLong();
                    JarProcess.await("the user's entry delivered", Duration.ofMinutes(1), () -> {
                        long acted = backend.counters().acted();
                        boolean arrived = backend.resources("progress").values().stream()
                                .anyMatch(r -> r.clientId().equals(mine));
                        deliveredWhenMineArrived.set(acted);
                        return arrived;
                    });

                    assertThat(deliveredWhenMineArrived.get()).as("import entries delivered before the user's")
                            .isLessThan(1000);
                } finally {
                    watch.destroy();
                    watch.waitFor(20, TimeUnit.SECONDS);
                }
            }
        }
    }

}
