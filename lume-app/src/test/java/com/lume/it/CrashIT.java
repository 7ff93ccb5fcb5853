package com.lume.it;

import com.fasterxml.jackson.core.type.TypeReference;
import com.lume.cli.Main;
import com.lume.demo.WellnessContract;
import com.lume.support.BackendChecks;
import com.lume.support.DerbyStore;
import com.lume.support.LumeJar;
import com.lume.wellness.usecase.AddJournalCommand;
import com.lume.wellness.usecase.AddMoodCommand;
import com.lume.wellness.usecase.JournalUseCases;
import com.lume.wellness.usecase.MoodUseCases;
import io.outbox.cli.Environment;
import io.outbox.cli.GlobalOptions;
import io.outbox.cli.LookupFactory;
import io.outbox.cli.Output;
import io.outbox.cli.Session;
import io.outbox.jpa.support.JarProcess;
import io.outbox.testing.backend.FaultKind;
import io.outbox.testing.backend.FaultPlan;
import io.outbox.testing.backend.Resource;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.outbox.repository.EventQuery;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sync --watch} killed with SIGKILL in the middle of delivering a backlog to a slow backend,
 * then {@code sync --until-idle}: nothing is lost, nothing takes effect twice at the backend, and
 * nothing is left processing.
 */
class CrashIT {
    private static final String TOKEN = "crash-" + UUID.randomUUID();

    @Test
    void givenWatchKilledMidDelivery_whenSyncedAgain_thenEverythingDeliveredOnceAndNothingProcessing(
            @TempDir Path dir, @TempDir Path logs) throws Exception {
        Set<String> moods = new HashSet<>();
        Set<String> journals = new HashSet<>();
        writeBacklog(dir, moods, journals);
        try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(TOKEN)
                .withFaults(FaultPlan.of(1.0, FaultKind.SLOW).withSlowDelay(Duration.ofMillis(250)))
                .withValidator(WellnessContract.MOODS, WellnessContract.moodBody())
                .withValidator(WellnessContract.JOURNALS, WellnessContract.journalBody()))) {
            LumeJar alice = LumeJar.onDataDir(dir).as("alice").withEnv("LUME_API_TOKEN", TOKEN);
            Process watch = alice.start(logs.resolve("out.txt"), logs.resolve("err.txt"), "sync", "--api",
                    backend.baseUri().toString(), "--watch", "--retry-delays", "50ms,100ms,200ms");
            try {
                JarProcess.await("some requests acted on", Duration.ofMinutes(2),
                        () -> backend.counters().acted() >= 6 || !watch.isAlive());
                assertThat(watch.isAlive()).as("sync --watch is still running: %s", LumeJar.read(logs.resolve("err.txt")))
                        .isTrue();
            } finally {
                watch.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(statuses(dir)).as("killed mid-delivery").containsKey("processing")
                    .doesNotContainEntry("completed", (long) (moods.size() + journals.size()));

            JarProcess.Result again = alice.run("sync", "--api", backend.baseUri().toString(), "--until-idle",
                    "--retry-delays", "50ms,100ms,200ms");

            assertThat(again.exitCode()).as(again.everything()).isZero();
            Map<String, Object> stats = LumeJar.parse(alice.ok("outbox", "stats", "--json"), new TypeReference<>() {
            });
            assertThat(stats).containsEntry("total", moods.size() + journals.size())
                    .containsEntry("completed", moods.size() + journals.size()).containsEntry("processing", 0)
                    .containsEntry("pending", 0).containsEntry("failed", 0);
            assertThat(backend.resources(WellnessContract.MOODS).values()).extracting(Resource::clientId)
                    .containsExactlyInAnyOrderElementsOf(moods);
            assertThat(backend.resources(WellnessContract.JOURNALS).values()).extracting(Resource::clientId)
                    .containsExactlyInAnyOrderElementsOf(journals);
            assertThat(BackendChecks.createdTwice(backend)).isEmpty();
        }
    }

    /** 24 moods and 12 journals (8 linked), written in this JVM through Lume's own use cases and module. */
    private static void writeBacklog(Path dir, Set<String> moods, Set<String> journals) {
        Output quiet = new Output(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        LookupFactory injector = Main.LAUNCH.graph(new Environment(Map.of()), quiet, Clock.systemUTC());
        injector.get(GlobalOptions.class).useDataDir(dir);
        try (Session session = injector.get(Session.class)) {
            MoodUseCases moodCases = injector.get(MoodUseCases.class);
            JournalUseCases journalCases = injector.get(JournalUseCases.class);
            Instant start = Instant.parse("2025-01-01T08:00:00Z");
            List<UUID> made = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                made.add(moodCases.add(new AddMoodCommand("alice", String.valueOf((i % 21 - 10) / 10.0),
                        List.of("calm"), Optional.empty(), Optional.of(start.plusSeconds(i)))));
            }
            for (int i = 0; i < 12; i++) {
                Optional<UUID> link = i < 8 ? Optional.of(made.get(i * 3)) : Optional.empty();
                journals.add(journalCases.add(new AddJournalCommand("alice", "Day " + i, "Words " + i, link,
                        Optional.of(start.plusSeconds(100 + i)))).toString());
            }
            made.forEach(id -> moods.add(id.toString()));
            assertThat(session.store().repository().find(EventQuery.byStatus(io.outbox.event.EventStatus.PENDING))).hasSize(36);
        }
    }

    private static Map<String, Long> statuses(Path dir) throws Exception {
        Map<String, Long> counts = new java.util.HashMap<>();
        try (Connection c = DerbyStore.connect(dir); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT status, COUNT(*) FROM outbox_event GROUP BY status")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } finally {
            DerbyStore.shutDown(dir);
        }
        return counts;
    }
}
