package com.lume.it;

import com.lume.demo.WellnessContract;
import com.lume.support.LumeJar;
import io.outbox.jpa.support.JarProcess;
import io.outbox.testing.backend.FaultKind;
import io.outbox.testing.backend.FaultPlan;
import io.outbox.testing.backend.JournalEntry;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, through the jar on an embedded Derby store and the stand-in backend over HTTP: a
 * journal entry linked to a mood entry whose create has not gone out waits for it without
 * spending attempts, is sent right after the mood entry's create gets through (one attempt, one
 * request), and fails for good, naming the mood entry's create, when that create does.
 */
class LinkedJournalWaitIT {
    private static final String TOKEN = "wait-" + UUID.randomUUID();
    private static final String JOURNAL_PATH = "/api/v1/" + WellnessContract.JOURNALS;
    private static final String MOOD_PATH = "/api/v1/" + WellnessContract.MOODS;

    @Test
    void givenLinkedJournalAndMoodsFirstPostFailing_whenSynced_thenJournalSentRightAfterItsMoodWithOneAttempt(
            @TempDir Path dir) {
        try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(TOKEN)
                .withValidator(WellnessContract.MOODS, WellnessContract.moodBody())
                .withValidator(WellnessContract.JOURNALS, WellnessContract.journalBody()))) {
            LumeJar alice = LumeJar.onDataDir(dir).as("alice").withEnv("LUME_API_TOKEN", TOKEN);
            String mood = alice.ok("mood", "add", "--valence", "0.4").trim();
            String journal = alice.ok("journal", "add", "--title", "Morning", "--content", "Slept well.",
                    "--mood", mood).trim();

            // first sync: the backend fails every request, so the mood's first POST fails (next try in 3 s)
            backend.injectFaults(FaultPlan.of(1.0, FaultKind.SERVER_ERROR), 1);
            JarProcess.Result faulty = sync(alice, backend, "500ms");
            assertThat(faulty.stdoutLines()).as(faulty.everything()).containsExactly("delivered 0, failed 0, pending 2");
            Map<String, Object> moodCreate = eventOf(alice, mood);
            Map<String, Object> waiting = eventOf(alice, journal);
            assertThat(moodCreate).containsEntry("status", "failed").containsEntry("attempt_count", 1);
            assertThat(waiting).containsEntry("status", "pending").containsEntry("attempt_count", 0)
                    .containsEntry("waits_for", moodCreate.get("id"));
            assertThat((String) waiting.get("error_message")).startsWith("waiting for mood entry " + mood
                    + " to reach the backend");
            assertThat(requestsTo(backend, JOURNAL_PATH)).isEmpty();

            // second sync, the backend well again: were the journal not woken by its mood's create, its next
            // look would be a minute on, past this run's 10 s, and it would be left pending
            backend.injectFaults(FaultPlan.none(), 1);
            JarProcess.Result healthy = sync(alice, backend, "10s");
            assertThat(healthy.stdoutLines()).as(healthy.everything()).containsExactly("delivered 2, failed 0, pending 0");
            assertThat(eventOf(alice, mood)).containsEntry("status", "completed").containsEntry("attempt_count", 2);
            assertThat(eventOf(alice, journal)).containsEntry("status", "completed").containsEntry("attempt_count", 1)
                    .containsEntry("waits_for", null);
            List<JournalEntry> requests = backend.journal();
            List<JournalEntry> journalRequests = requestsTo(backend, JOURNAL_PATH);
            assertThat(journalRequests).singleElement().satisfies(r -> assertThat(r.acted()).isTrue());
            JournalEntry moodCreated = requests.stream().filter(r -> r.path().equals(MOOD_PATH) && r.acted())
                    .findFirst().orElseThrow();
            assertThat(requests.indexOf(journalRequests.get(0))).isGreaterThan(requests.indexOf(moodCreated));
            assertThat(backend.resources(WellnessContract.JOURNALS).values()).singleElement()
                    .satisfies(r -> assertThat(r.body()).containsEntry("mood_client_id", mood));
        }
    }

    @Test
    void givenLinkedJournalAndMoodTheBackendRejects_whenSynced_thenJournalFailsForGoodNamingTheMoodsCreate(
            @TempDir Path dir) {
        LumeJar alice = LumeJar.onDataDir(dir).as("alice").withEnv("LUME_API_TOKEN", TOKEN);
        String mood = alice.ok("mood", "add", "--valence", "0.4").trim();
        String journal = alice.ok("journal", "add", "--title", "Morning", "--content", "Slept well.",
                "--mood", mood).trim();
        try (StandInBackend rejecting = StandInBackend.start(StandInBackend.Options.withToken(TOKEN)
                .withValidator(WellnessContract.MOODS, body -> Optional.of("valence is not accepted today"))
                .withValidator(WellnessContract.JOURNALS, WellnessContract.journalBody()))) {
            JarProcess.Result sync = sync(alice, rejecting, "10s");

            assertThat(sync.stdoutLines()).as(sync.everything()).containsExactly("delivered 0, failed 2, pending 0");
            Map<String, Object> moodCreate = eventOf(alice, mood);
            Map<String, Object> failed = eventOf(alice, journal);
            assertThat(moodCreate).containsEntry("failed_for_good", true);
            assertThat(failed).containsEntry("failed_for_good", true).containsEntry("attempt_count", 0)
                    .containsEntry("waits_for", moodCreate.get("id"));
            assertThat((String) failed.get("error_message")).contains("waiting for mood entry " + mood)
                    .contains("but event " + moodCreate.get("id") + " failed for good: HTTP 422")
                    .contains("valence is not accepted today");
            assertThat(requestsTo(rejecting, JOURNAL_PATH)).isEmpty();

            // retrying the mood's create retries the journal that failed only because of it
            alice.ok("outbox", "retry", (String) moodCreate.get("id"));
            assertThat(eventOf(alice, journal)).containsEntry("status", "pending");
        }
        try (StandInBackend accepting = StandInBackend.start(StandInBackend.Options.withToken(TOKEN)
                .withValidator(WellnessContract.MOODS, WellnessContract.moodBody())
                .withValidator(WellnessContract.JOURNALS, WellnessContract.journalBody()))) {
            JarProcess.Result retried = sync(alice, accepting, "10s");

            assertThat(retried.stdoutLines()).as(retried.everything()).containsExactly("delivered 2, failed 0, pending 0");
            assertThat(requestsTo(accepting, JOURNAL_PATH)).hasSize(1);
        }
    }

    private static JarProcess.Result sync(LumeJar alice, StandInBackend backend, String timeout) {
        return alice.run("sync", "--api", backend.baseUri().toString(), "--until-idle", "--timeout", timeout,
                "--retry-delays", "3s");
    }

    /** The outbox event of an entry (each has one here: its create). */
    private static Map<String, Object> eventOf(LumeJar alice, String entityId) {
        return alice.jsonArray("outbox", "list", "--json").stream()
                .filter(e -> entityId.equals(e.get("entity_id"))).findFirst().orElseThrow();
    }

    private static List<JournalEntry> requestsTo(StandInBackend backend, String path) {
        return backend.journal().stream().filter(r -> r.path().equals(path)).toList();
    }
}
