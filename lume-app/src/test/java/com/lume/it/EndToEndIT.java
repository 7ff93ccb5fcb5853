package com.lume.it;

import com.lume.demo.WellnessContract;
import com.lume.support.BackendChecks;
import com.lume.support.LumeJar;
import io.outbox.jpa.support.JarProcess;
import io.outbox.jpa.support.PostgresSchema;
import io.outbox.testing.backend.FaultPlan;
import io.outbox.testing.backend.JournalEntry;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two dozen changes made with the jar, offline, on a shared PostgreSQL store (so independent
 * changes run side by side), then one sync against a stand-in that fails 30 % of requests: the
 * backend ends up equal to the local state, nothing is created twice, and every linked journal
 * reaches the backend only after its mood's create did.
 */
class EndToEndIT {
    private static final String TOKEN = "e2e-" + UUID.randomUUID();

    @Test
    void givenOfflineChangesWithLinkedJournals_whenSyncedThroughFaults_thenBackendEqualsLocalInTheRightOrder()
            throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("lume_e2e");
             StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(TOKEN)
                     .withFaults(FaultPlan.of(0.3)).withSeed(20250131)
                     .withValidator(WellnessContract.MOODS, WellnessContract.moodBody())
                     .withValidator(WellnessContract.JOURNALS, WellnessContract.journalBody()))) {
            LumeJar alice = LumeJar.onDbUrl(schema.url()).as("alice");
            alice.ok("outbox", "stats"); // creates the schema once, before processes run side by side

            List<String> m = ids(alice.runAll(List.of(
                    mood("0.4", "--label", "calm", "--note", "walk by the river"),
                    mood("-0.2", "--label", "tired", "--label", "sore"),
                    mood("0.9"),
                    mood("0", "--label", "so-so", "--note", "nothing special"),
                    mood("-1", "--date", "2025-01-30T23:00:00+01:00"),
                    mood("0.25", "--label", "focused"),
                    mood("0.6"),
                    mood("0.1", "--note", "to be deleted"))));
            List<String> j = ids(alice.runAll(List.of(
                    journal("Morning", "Slept well.", "--mood", m.get(0)),
                    journal("Run", "Five kilometres.", "--mood", m.get(1)),
                    journal("Work", "Long meeting.\nThen lunch.", "--mood", m.get(2)),
                    journal("Call", "Talked to mum.", "--mood", m.get(3)),
                    journal("Night", "Could not sleep.", "--mood", m.get(4)),
                    journal("Notes", "Ideas for the weekend."),
                    journal("Scratch", "Will be deleted."),
                    journal("Linked to a deleted mood", "Keeps its words.", "--mood", m.get(7)))));
            expectAllOk(alice.runAll(List.of(
                    new String[] {"mood", "update", m.get(1), "--label", "rested", "--label", "proud"},
                    new String[] {"mood", "update", m.get(2), "--valence", "-0.3", "--no-note"},
                    new String[] {"mood", "update", m.get(3), "--note", "a better day", "--date", "2025-01-29T10:00:00Z"},
                    new String[] {"journal", "update", j.get(0), "--no-mood"},
                    new String[] {"journal", "update", j.get(5), "--mood", m.get(5), "--title", "Weekend"},
                    new String[] {"journal", "update", j.get(1), "--content", "Five kilometres, no stops."})));
            expectAllOk(alice.runAll(List.of(
                    new String[] {"journal", "delete", j.get(6)},
                    new String[] {"mood", "delete", m.get(7)},
                    new String[] {"mood", "delete", m.get(6)})));

            JarProcess.Result sync = alice.withEnv("LUME_API_TOKEN", TOKEN).run("sync", "--api",
                    backend.baseUri().toString(), "--until-idle", "--retry-delays", "50ms,100ms,200ms",
                    "--max-attempts", "10");
            assertThat(sync.exitCode()).as(sync.everything()).isZero();
            assertThat(sync.stdoutLines()).last().asString().endsWith("failed 0, pending 0");

            List<JarProcess.Result> after = alice.runAll(List.of(new String[] {"mood", "list", "--json"},
                    new String[] {"journal", "list", "--json"}, new String[] {"outbox", "list", "--json"},
                    new String[] {"outbox", "stats", "--json"}));
            List<Map<String, Object>> moods = json(after.get(0));
            List<Map<String, Object>> journals = json(after.get(1));
            List<Map<String, Object>> events = json(after.get(2));
            Map<String, Object> stats = LumeJar.parse(after.get(3).stdout(), new com.fasterxml.jackson.core.type
                    .TypeReference<Map<String, Object>>() { });

            assertThat(BackendChecks.differences(backend, moods, journals)).isEmpty();
            assertThat(BackendChecks.createdTwice(backend)).isEmpty();
            assertThat(backend.createsPerClientId(WellnessContract.MOODS)).hasSize(8);
            assertThat(backend.createsPerClientId(WellnessContract.JOURNALS)).hasSize(8);
            assertThat(moods).hasSize(6).allSatisfy(e -> assertThat(e.get("sync_state")).isEqualTo("synced"));
            assertThat(journals).hasSize(7).allSatisfy(e -> assertThat(e.get("sync_state")).isEqualTo("synced"));
            assertThat(journals).filteredOn(e -> e.get("id").equals(j.get(7))).singleElement()
                    .satisfies(e -> assertThat(e.get("mood_id")).isNull());
            assertThat(moods).filteredOn(e -> e.get("id").equals(m.get(1))).singleElement()
                    .satisfies(e -> assertThat(e.get("labels")).isEqualTo(List.of("rested", "proud")));
            assertThat(stats).containsEntry("total", events.size()).containsEntry("completed", events.size())
                    .containsEntry("pending", 0).containsEntry("processing", 0).containsEntry("failed", 0);

            assertThat(events).as("typed metadata: counts and ids, no words").filteredOn(e ->
                    e.get("entity_id").equals(m.get(0)) && e.get("operation").equals("create")).singleElement()
                    .satisfies(e -> assertThat(e.get("metadata")).isEqualTo(Map.of("valence", 0.4, "label_count", 1)));
            assertThat(events).filteredOn(e -> e.get("entity_id").equals(j.get(0)) && e.get("operation").equals("create"))
                    .singleElement().satisfies(e -> assertThat(e.get("metadata"))
                            .isEqualTo(Map.of("word_count", 2, "linked_mood_id", m.get(0))));

            List<JournalEntry> requests = backend.journal();
            assertThat(requests).as("the faults really happened").anyMatch(r -> r.fault().isPresent());
            Map<String, String> creates = BackendChecks.createEvents(events);
            List<String> problems = new ArrayList<>();
            for (int i = 1; i <= 4; i++) { // created linked, link unchanged: the POST carries it
                int moodCreated = BackendChecks.firstRequest(requests, List.of(creates.get(m.get(i))), "POST", true);
                int journalPosted = BackendChecks.firstRequest(requests, List.of(creates.get(j.get(i))), "POST", false);
                if (moodCreated < 0 || journalPosted <= moodCreated) {
                    problems.add("journal " + i + " POSTed at " + journalPosted + ", its mood created at " + moodCreated);
                }
            }
            int moodFiveCreated = BackendChecks.firstRequest(requests, List.of(creates.get(m.get(5))), "POST", true);
            int relinkPut = BackendChecks.firstRequest(requests, BackendChecks.eventsOf(events, j.get(5), "update"),
                    "PUT", false);
            if (relinkPut <= moodFiveCreated) {
                problems.add("the PUT linking journal 5 came at " + relinkPut + ", its mood created at "
                        + moodFiveCreated);
            }
            assertThat(problems).isEmpty();
        }
    }

    private static String[] mood(String valence, String... more) {
        List<String> args = new ArrayList<>(List.of("mood", "add", "--valence", valence));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    private static String[] journal(String title, String content, String... more) {
        List<String> args = new ArrayList<>(List.of("journal", "add", "--title", title, "--content", content));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    private static void expectAllOk(List<JarProcess.Result> results) {
        assertThat(results).allSatisfy(r -> assertThat(r.exitCode()).as(r.stderr()).isZero());
    }

    private static List<String> ids(List<JarProcess.Result> results) {
        expectAllOk(results);
        return results.stream().map(r -> r.stdout().trim()).toList();
    }

    private static List<Map<String, Object>> json(JarProcess.Result result) {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return LumeJar.parse(result.stdout(), new com.fasterxml.jackson.core.type.TypeReference<>() {
        });
    }
}
