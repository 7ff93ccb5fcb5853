package io.outbox.cli.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outbox.cli.AppMain;
import io.outbox.cli.Environment;
import io.outbox.cli.Output;
import io.outbox.event.OutboxEvent;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.OutboxWriter;
import io.outbox.jpa.StoreConfig;
import io.outbox.jpa.UnsyncedEntriesBackfill;
import io.outbox.jpa.support.JarProcess;
import io.outbox.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The debug and repair tools of every app (issue 19), through the app's real command line on a
 * real Derby store on disk: {@code outbox verify [--repair]}, {@code cleanup --orphans}, {@code
 * purge --yes}, the newest completion in {@code stats}, {@code list --stale}'s refusals, and a
 * store another process holds. Mismatches are made with plain SQL between commands, as a crash, a
 * bug or a hand edit would leave them. Each app says how it adds and deletes an entry.
 */
public abstract class RepairToolsContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AppMain.Launch launch;
    private final String envPrefix;
    private final Path jar;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T08:00:00Z"));
    /** The data directory of the test's embedded store. */
    @TempDir
    protected Path data;

    /**
     * @param launch    the app's launch, run in this JVM
     * @param envPrefix the prefix of its variables: {@code FITIQ}
     * @param jar       the app's built jar, for the test that needs a second process
     */
    protected RepairToolsContract(AppMain.Launch launch, String envPrefix, Path jar) {
        this.launch = launch;
        this.envPrefix = envPrefix;
        this.jar = jar;
    }

    /** A command that adds the {@code i}-th entry and prints its id. */
    protected abstract String[] add(int i);

    /** A command that deletes the entry {@code id} (a tombstone until synced). */
    protected abstract String[] delete(String id);

    /** What one command printed and returned. */
    protected record Answer(int exitCode, String out, String err) {
    }

    @Test
    void givenEntryWithoutEventAndEventWithoutEntry_whenVerified_thenEachReportedExit1_andRepairAndCleanupLeaveNone() {
        String lost = add("alice", 0);
        String gone = add("alice", 1);
        String synced = add("alice", 2);
        String deleted = add("alice", 3);
        ok("alice", delete(deleted));
        String bobs = add("bob", 4);
        sql("DELETE FROM outbox_event WHERE entity_id = ?", lost);
        sql("DELETE FROM outbox_event WHERE entity_id = ?", bobs);
        sql("DELETE FROM outbox_event WHERE entity_id = ?", synced);
        sqlOnEntries("UPDATE %s SET backend_id = 'b-42' WHERE id = ?", synced);
        sqlOnEntries("DELETE FROM %s WHERE id = ?", gone);
        String goneEvent = (String) events("alice").stream().filter(e -> gone.equals(e.get("entity_id"))).findFirst()
                .orElseThrow().get("id");

        Answer found = run("alice", "outbox", "verify", "--json");

        assertThat(found.exitCode()).as(found.err()).isEqualTo(1);
        List<Map<String, Object>> mismatches = mismatches(found.out());
        assertThat(mismatches).extracting(m -> m.get("kind") + " " + m.get("entity_id"))
                .containsExactly("missing_event " + lost, "orphaned_event " + gone);
        assertThat(mismatches.get(1)).containsEntry("event_id", goneEvent).containsEntry("status", "pending");
        assertThat((String) mismatches.get(0).get("problem")).contains("never reached the backend");
        Answer text = run("alice", "outbox", "verify");
        assertThat(text.out()).contains("missing_event").contains(lost).contains("orphaned_event").contains(gone)
                .contains("2 mismatches");

        Answer repaired = run("alice", "outbox", "verify", "--repair", "--json");

        assertThat(repaired.exitCode()).as("the orphan is left to cleanup --orphans").isEqualTo(1);
        Map<String, Object> report = object(repaired.out());
        assertThat(report).containsEntry("repaired", 1).containsEntry("left", 1);
        String madeId = (String) mismatches(repaired.out()).get(0).get("repaired_by");
        assertThat(events("alice")).filteredOn(e -> lost.equals(e.get("entity_id"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("id", madeId).containsEntry("status", "pending")
                        .containsEntry("operation", "create"));
        assertThat(mismatches(run("alice", "outbox", "verify", "--json").out())).extracting(m -> m.get("kind"))
                .containsExactly("orphaned_event");
        assertThat(mismatches(run("bob", "outbox", "verify", "--json").out()))
                .as("bob's own mismatch, untouched by alice's repair").extracting(m -> m.get("entity_id"))
                .containsExactly(bobs);

        assertThat(run("alice", "outbox", "cleanup", "--orphans").out()).contains("deleted 1 orphaned event");
        Answer clean = run("alice", "outbox", "verify");
        assertThat(clean.exitCode()).as(clean.out()).isZero();
        assertThat(clean.out()).startsWith("no mismatches");
    }

    @Test
    void givenOrphansOfEveryStatus_whenCleanedUp_thenOnlyThoseNoSyncHoldsGo_andOtherUsersAndLiveEntriesStay() {
        String live = add("alice", 0);
        String bobsGone = add("bob", 1);
        sqlOnEntries("DELETE FROM %s WHERE id = ?", bobsGone);
        String type = eventTypeOf(live);
        OutboxEvent pending = anEvent().withType(type).forUser("alice").forEntity(UUID.randomUUID().toString())
                .createdAt(clock.instant()).build();
        OutboxEvent failed = anEvent().withType(type).forUser("alice").forEntity(UUID.randomUUID().toString())
                .createdAt(clock.instant()).failedForGood("not in the local store any more").build();
        OutboxEvent processing = anEvent().withType(type).forUser("alice").forEntity(UUID.randomUUID().toString())
                .createdAt(clock.instant()).processingBy("a-sync", clock.instant().plusSeconds(300)).build();
        record(pending, failed, processing);

        assertThat(run("alice", "outbox", "cleanup", "--orphans", "--older-than", "7d").exitCode()).isEqualTo(2);
        assertThat(events("alice")).hasSize(4);

        Answer cleaned = run("alice", "outbox", "cleanup", "--orphans", "--json");

        assertThat(cleaned.exitCode()).as("a processing orphan is left undone").isEqualTo(1);
        assertThat(object(cleaned.out())).containsEntry("deleted", 2).containsEntry("left_processing", 1);
        assertThat(events("alice")).extracting(e -> e.get("entity_id"))
                .containsExactlyInAnyOrder(live, processing.entityId());
        assertThat(events("bob")).extracting(e -> e.get("entity_id")).containsExactly(bobsGone);
        assertThat(run("alice", "outbox", "cleanup", "--orphans").out()).contains("deleted 0 orphaned events")
                .contains("left 1 processing event");
    }

    @Test
    void givenEventsOfTwoUsers_whenAlicePurges_thenOnlyHersGo_andWithoutYesNothingGoes() {
        add("alice", 0);
        add("alice", 1);
        String bobs = add("bob", 2);

        Answer refused = run("alice", "outbox", "purge");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().lines()).singleElement().asString().contains("--yes").contains("alice");
        assertThat(refused.out()).isEmpty();
        assertThat(events("alice")).hasSize(2);

        Answer purged = run("alice", "outbox", "purge", "--yes", "--json");

        assertThat(purged.exitCode()).as(purged.err()).isZero();
        assertThat(object(purged.out())).containsEntry("deleted", 2).containsEntry("left_processing", 0);
        assertThat(events("alice")).isEmpty();
        assertThat(events("bob")).extracting(e -> e.get("entity_id")).containsExactly(bobs);
        assertThat(run("alice", "outbox", "purge", "--yes").out()).contains("deleted 0 events of user alice");
    }

    @Test
    void givenProcessingEvent_whenPurged_thenItIsLeftAndNamed_exit1() {
        add("alice", 0);
        OutboxEvent held = anEvent().withType(eventTypeOf(add("alice", 1))).forUser("alice")
                .forEntity(UUID.randomUUID().toString()).createdAt(clock.instant())
                .processingBy("a-sync", clock.instant().plusSeconds(300)).build();
        record(held);

        Answer purged = run("alice", "outbox", "purge", "--yes");

        assertThat(purged.exitCode()).isEqualTo(1);
        assertThat(purged.out()).contains("deleted 2 events of user alice").contains("left 1 processing event");
        assertThat(events("alice")).extracting(e -> e.get("id")).containsExactly(held.id().toString());
    }

    @Test
    void givenCompletedEventsOfTwoUsers_whenStatsShown_thenNewestCompletionOfThisUser() {
        String type = eventTypeOf(add("alice", 0));
        assertThat(object(run("alice", "outbox", "stats", "--json").out())).containsEntry("newest_completed_at", null);
        assertThat(run("alice", "outbox", "stats").out()).contains("newest completed: none");
        Instant newest = Instant.parse("2026-03-01T07:30:00Z");
        record(anEvent().withType(type).forUser("alice").createdAt(newest.minusSeconds(600))
                        .completedAt(newest.minusSeconds(60)).build(),
                anEvent().withType(type).forUser("alice").createdAt(newest.minusSeconds(600)).completedAt(newest)
                        .build(),
                anEvent().withType(type).forUser("bob").createdAt(newest).completedAt(newest.plusSeconds(60)).build());

        assertThat(object(run("alice", "outbox", "stats", "--json").out()))
                .containsEntry("newest_completed_at", "2026-03-01T07:30:00Z");
        assertThat(run("alice", "outbox", "stats").out()).contains("newest completed: 2026-03-01T07:30:00Z");
    }

    @Test
    void givenStaleFilterWithUnknownOrOtherStatus_whenListed_thenExit2InOneLine() {
        add("alice", 0);
        for (String status : new String[] {"bogus", "completed", ""}) {
            Answer answer = run("alice", "outbox", "list", "--stale", "--status", status);

            assertThat(answer.exitCode()).as(status).isEqualTo(2);
            assertThat(answer.err().lines()).as(status).singleElement().asString().contains("--status")
                    .doesNotContain("Exception");
            assertThat(answer.out()).as(status).isEmpty();
        }
        clock.advance(Duration.ofMinutes(6));
        assertThat(run("alice", "outbox", "list", "--stale", "--status", "PENDING", "--json").out())
                .contains("pending");
    }

    @Test
    void givenStoreHeldByAnotherProcess_whenVerifyRepairs_thenExit3SayingWhatToDo_andNothingWritten() {
        String lost = add("alice", 0);
        sql("DELETE FROM outbox_event WHERE entity_id = ?", lost);

        JarProcess.Result result;
        try (OutboxStore held = OutboxStore.open(StoreConfig.embedded(data))) {
            result = JarProcess.run(jar, Map.of(envPrefix + "_USER", "alice"), Duration.ofMinutes(2),
                    "--data-dir", data.toString(), "outbox", "verify", "--repair");
        }

        assertThat(result.exitCode()).as(result.everything()).isEqualTo(3);
        assertThat(result.stderr().lines()).singleElement().asString().contains("is open in another process")
                .contains("close that one and try again");
        assertThat(events("alice")).isEmpty();
    }

    // ---- helpers

    private String add(String user, int i) {
        return ok(user, add(i)).trim();
    }

    private String ok(String user, String... args) {
        Answer answer = run(user, args);
        assertThat(answer.exitCode()).as(String.join(" ", args) + ": " + answer.err()).isZero();
        return answer.out();
    }

    /** Runs one command line of the app in this JVM, as {@code user}, on the test's data directory. */
    protected Answer run(String user, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AppMain.run(launch, all.toArray(new String[0]), new Environment(Map.of(envPrefix + "_USER", user)),
                new Output(new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)), clock);
        return new Answer(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The user's events as {@code outbox list --json} prints them. */
    protected List<Map<String, Object>> events(String user) {
        return parse(ok(user, "outbox", "list", "--json"), new TypeReference<>() {
        });
    }

    private String eventTypeOf(String entityId) {
        return events("alice").stream().filter(e -> entityId.equals(e.get("entity_id"))).findFirst().orElseThrow()
                .get("event_type").toString();
    }

    @SuppressWarnings("unchecked")
    /** The mismatches of {@code outbox verify --json}'s answer. */
    protected static List<Map<String, Object>> mismatches(String verifyJson) {
        return (List<Map<String, Object>>) object(verifyJson).get("mismatches");
    }

    /** A JSON object's text as a map. */
    protected static Map<String, Object> object(String json) {
        return parse(json, new TypeReference<>() {
        });
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new AssertionError("not the JSON expected: " + json, e);
        }
    }

    /** Runs one statement on the store, the app's commands being closed, with {@code id} bound. */
    private void sql(String statement, String id) {
        withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(statement)) {
                s.setString(1, id);
                s.executeUpdate();
            }
        });
    }

    /** Runs {@code statement} (its table as {@code %s}) on every entry table of the app. */
    private void sqlOnEntries(String statement, String id) {
        for (UnsyncedEntriesBackfill.Source source : launch.app().apply(clock).entrySources()) {
            sql(String.format(statement, source.table()), id);
        }
    }

    /** Writes events into the store as given, whatever their state. */
    protected void record(OutboxEvent... events) {
        withConnection(c -> {
            c.setAutoCommit(false);
            OutboxWriter.record(c, events);
            c.commit();
        });
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    private void withConnection(SqlWork work) {
        try (OutboxStore store = OutboxStore.open(StoreConfig.embedded(data));
             Connection c = store.dataSource().getConnection()) {
            work.run(c);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
