package com.lume.sync;

import com.lume.demo.WellnessContract;
import com.lume.support.Fixtures;
import com.lume.support.InMemoryWellness;
import com.lume.wellness.JournalEntry;
import com.lume.wellness.MoodEntry;
import com.lume.wellness.WellnessEvents;
import com.sun.net.httpserver.HttpServer;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.http.RemoteApi;
import io.outbox.repository.Wait;
import io.outbox.testing.InMemoryOutboxRepository;
import io.outbox.testing.ManualClock;
import io.outbox.testing.OutboxEventBuilder;
import io.outbox.testing.backend.Resource;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.outbox.testing.Handlers.deliverAlone;
import static org.assertj.core.api.Assertions.assertThat;

/** The journal handler against a stand-in backend: journal-after-mood, migrated payloads, privacy of reasons. */
class JournalHandlerTest {
    private static final String TOKEN = "journal-test-token";
    private static final String JOURNALS = WellnessContract.JOURNALS;

    private final ManualClock clock = ManualClock.at("2025-02-01T10:00:00Z");
    private final InMemoryWellness store = new InMemoryWellness();
    private final InMemoryOutboxRepository outbox = new InMemoryOutboxRepository();
    private StandInBackend backend;
    private JournalHandler journals;
    private MoodHandler moods;

    private void start(StandInBackend.Options options) {
        backend = StandInBackend.start(options.validators().containsKey(JOURNALS) ? options
                : options.withValidator(JOURNALS, WellnessContract.journalBody()));
        connect(backend.baseUri());
    }

    private void start() {
        start(StandInBackend.Options.withToken(TOKEN));
    }

    private void connect(URI base) {
        RemoteApi api = RemoteApi.builder(base, TOKEN).requestTimeout(Duration.ofSeconds(5)).build();
        journals = new JournalHandler(store.journals(), store.moods(), outbox, api);
        moods = new MoodHandler(store.moods(), outbox, api);
    }

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    /** A mood made in this offline session: its row and its pending create. */
    private OutboxEvent offlineMood(MoodEntry mood) {
        store.put(mood);
        OutboxEvent create = Fixtures.ownEvent(WellnessEvents.MOOD, Operation.CREATE, mood.id(), mood.userId()).build();
        outbox.save(create);
        return create;
    }

    private OutboxEvent own(Operation operation, JournalEntry journal) {
        store.put(journal);
        return Fixtures.ownEvent(WellnessEvents.JOURNAL, operation, journal.id(), journal.userId()).build();
    }

    private static String reason(HandlerResult result) {
        return result instanceof HandlerResult.FailedForGood f ? f.reason() : ((HandlerResult.RetryLater) result).reason();
    }

    @Test
    void givenJournalLinkedToMoodNotYetDelivered_whenHandled_thenWaitsForTheMoodsCreateAndNothingSent() {
        start();
        MoodEntry mood = Fixtures.mood("alice", 0.2, null);
        OutboxEvent create = offlineMood(mood);
        JournalEntry journal = Fixtures.journal("alice", "Title", "Content", Optional.of(mood.id()));

        HandlerResult result = deliverAlone(journals, own(Operation.CREATE, journal));

        assertThat(result).isEqualTo(HandlerResult.waitFor(create.id(), "waiting for mood entry " + mood.id()
                + " to reach the backend (its create, event " + create.id() + ")"));
        assertThat(backend.journal()).isEmpty();
    }

    @Test
    void givenLinkedMoodsCreateScheduledLater_whenJournalHandled_thenWaitsForThatCreate() {
        start();
        MoodEntry mood = Fixtures.mood("alice", 0.2, null);
        store.put(mood);
        Instant moodRetry = clock.instant().plusSeconds(30);
        OutboxEvent create = Fixtures.ownEvent(WellnessEvents.MOOD, Operation.CREATE, mood.id(), "alice")
                .failedRetryAt("HTTP 503", moodRetry).build();
        outbox.save(create);
        JournalEntry journal = Fixtures.journal("alice", "Title", "Content", Optional.of(mood.id()));

        HandlerResult result = deliverAlone(journals, own(Operation.CREATE, journal));

        assertThat(result).isInstanceOfSatisfying(HandlerResult.WaitFor.class,
                wait -> assertThat(wait.awaited()).isEqualTo(create.id()));
    }

    @Test
    void givenLinkedMoodDeliveredMeanwhile_whenJournalRetried_thenPostedAfterTheMoodsCreateWithItsClientId() {
        start();
        MoodEntry mood = Fixtures.mood("alice", 0.2, null);
        OutboxEvent moodCreate = offlineMood(mood);
        JournalEntry journal = Fixtures.journal("alice", "Title", "Content", Optional.of(mood.id()));
        OutboxEvent journalCreate = own(Operation.CREATE, journal);
        assertThat(deliverAlone(journals, journalCreate)).isInstanceOf(HandlerResult.WaitFor.class);

        assertThat(deliverAlone(moods, moodCreate)).isInstanceOf(HandlerResult.Done.class);
        HandlerResult result = deliverAlone(journals, journalCreate);

        assertThat(result).isInstanceOf(HandlerResult.Done.class);
        Resource created = backend.resources(JOURNALS).values().iterator().next();
        assertThat(created.body()).containsEntry("client_id", journal.id().toString())
                .containsEntry("title", "Title").containsEntry("content", "Content")
                .containsEntry("mood_client_id", mood.id().toString()).containsEntry("date", "2025-01-31T08:01:00Z");
        assertThat(backend.journal()).extracting(r -> r.method() + " " + r.path() + " " + r.acted()).containsExactly(
                "POST /api/v1/wellness/mood-entries true", "POST /api/v1/wellness/journal-entries true");
        assertThat(store.journal(journal.id()).backendId()).contains(created.backendId());
    }

    @Test
    void givenJournalUpdateLinkingAMoodNotYetDelivered_whenHandled_thenThePutWaitsToo() {
        start();
        JournalEntry journal = Fixtures.journal("alice", "Title", "Content", Optional.empty());
        deliverAlone(journals, own(Operation.CREATE, journal));
        MoodEntry mood = Fixtures.mood("alice", 0.2, null);
        offlineMood(mood);
        store.put(store.journal(journal.id()).withMood(Optional.of(mood.id())));

        HandlerResult result = deliverAlone(journals, Fixtures.ownEvent(WellnessEvents.JOURNAL, Operation.UPDATE,
                journal.id(), "alice").build());

        assertThat(result).isInstanceOf(HandlerResult.WaitFor.class);
        assertThat(backend.journal()).hasSize(1);
    }

    @Test
    void givenLinkedMoodsCreateFailedForGood_whenJournalHandled_thenFailedForGoodNamingTheMoodAndItsCreate() {
        start();
        MoodEntry mood = Fixtures.mood("alice", 0.2, null);
        store.put(mood);
        OutboxEvent create = Fixtures.ownEvent(WellnessEvents.MOOD, Operation.CREATE, mood.id(), "alice")
                .failedForGood("HTTP 422").build();
        outbox.save(create);
        JournalEntry journal = Fixtures.journal("alice", "Title", "Content", Optional.of(mood.id()));
        OutboxEvent journalCreate = own(Operation.CREATE, journal);
        outbox.save(journalCreate.claimed("worker", clock.instant(), clock.instant().plusSeconds(60)));

        HandlerResult.WaitFor wait = (HandlerResult.WaitFor) deliverAlone(journals, journalCreate);
        outbox.park(List.of(new Wait(journalCreate.id(), "worker", wait.awaited(), wait.reason(),
                clock.instant().plusSeconds(60), clock.instant())));

        // waiting on a create that failed for good fails at once, so the outbox can revive it with that create
        OutboxEvent failed = outbox.findById(journalCreate.id()).orElseThrow();
        assertThat(failed.isFailedForGood()).isTrue();
        assertThat(failed.errorMessage()).contains("waiting for mood entry " + mood.id() + " to reach the backend"
                + " (its create, event " + create.id() + "), but event " + create.id() + " failed for good: HTTP 422");
        assertThat(backend.journal()).isEmpty();
    }

    @Test
    void givenMigratedJournalLinkedToMigratedMoodStillPending_whenHandled_thenWaitsAndIsSentOnceTheMoodIsCreated() {
        start();
        String moodId = UUID.randomUUID().toString();
        OutboxEvent moodCreate = Fixtures.migratedEvent(WellnessEvents.MOOD, Operation.CREATE, moodId,
                "{\"valence\": 0.5}").build();
        outbox.save(moodCreate);
        String journalId = UUID.randomUUID().toString();
        OutboxEvent journalCreate = Fixtures.migratedEvent(WellnessEvents.JOURNAL, Operation.CREATE, journalId,
                "{\"journal_id\": \"" + journalId + "\", \"mood_id\": \"" + moodId.toUpperCase() + "\", \"title\":"
                        + " \"Old title\", \"content\": \"Old words\", \"logged_at\": \"2024-12-24T20:00:00Z\"}").build();

        assertThat(deliverAlone(journals, journalCreate)).isInstanceOf(HandlerResult.WaitFor.class);
        HandlerResult.Done moodDone = (HandlerResult.Done) deliverAlone(moods, moodCreate);
        outbox.save(moodCreate.completed(clock.instant(), moodDone.data()));
        HandlerResult result = deliverAlone(journals, journalCreate);

        assertThat(result).isInstanceOf(HandlerResult.Done.class);
        assertThat(backend.resources(JOURNALS).values().iterator().next().body())
                .containsEntry("client_id", journalId).containsEntry("mood_client_id", moodId)
                .containsEntry("title", "Old title").containsEntry("content", "Old words")
                .containsEntry("date", "2024-12-24T20:00:00Z");
    }

    @Test
    void givenMigratedCamelCaseJournalLinkedToAMoodThisStoreNeverHad_whenHandled_thenSentWithTheLinkAsItIs() {
        start();
        String moodId = UUID.randomUUID().toString();
        String journalId = UUID.randomUUID().toString();

        HandlerResult result = deliverAlone(journals, Fixtures.migratedEvent(WellnessEvents.JOURNAL, Operation.CREATE,
                journalId, "{\"moodId\": \"" + moodId + "\", \"title\": \"T\", \"content\": \"C\","
                        + " \"loggedAt\": \"2024-12-24T20:00:00\"}").build());

        assertThat(result).isInstanceOf(HandlerResult.Done.class);
        assertThat(backend.resources(JOURNALS).values().iterator().next().body())
                .containsEntry("mood_client_id", moodId).containsEntry("date", "2024-12-24T20:00:00Z");
    }

    @Test
    void givenMigratedJournalKeptAsBase64_whenHandled_thenFailedForGoodWithoutItsText() {
        start();
        HandlerResult result = deliverAlone(journals, Fixtures.migratedEvent(WellnessEvents.JOURNAL, Operation.CREATE,
                UUID.randomUUID().toString(), "{\"legacy_payload_base64\": \"/v7+/WRlYXIgZGlhcnk=\"}").build());

        assertThat(reason(result)).contains("kept base64-encoded").contains("nothing was sent")
                .doesNotContain("/v7+").doesNotContain("diary");
        assertThat(backend.journal()).isEmpty();
    }

    @Test
    void givenServerRejectingWithAMessageQuotingTitleAndContent_whenCreated_thenBothMaskedInTheReason() {
        start(StandInBackend.Options.withToken(TOKEN).withValidator(JOURNALS,
                body -> Optional.of("title " + body.get("title") + " and content " + body.get("content")
                        + " are not allowed")));
        JournalEntry journal = Fixtures.journal("alice", "Dinner with K.", "I told K. about the diagnosis.",
                Optional.empty());

        String reason = reason(deliverAlone(journals, own(Operation.CREATE, journal)));

        assertThat(reason).isEqualTo("HTTP 422: title [private text] and content [private text] are not allowed");
    }

    @Test
    void givenDeletedJournal_whenItsDeleteIsDelivered_thenTheTombstoneLosesTitleAndContent() {
        start();
        JournalEntry journal = Fixtures.journal("alice", "Title", "Secret content", Optional.empty());
        deliverAlone(journals, own(Operation.CREATE, journal));
        store.put(store.journal(journal.id()).asDeleted());

        HandlerResult result = deliverAlone(journals, Fixtures.ownEvent(WellnessEvents.JOURNAL, Operation.DELETE,
                journal.id(), "alice").build());

        assertThat(result).isEqualTo(HandlerResult.done());
        assertThat(backend.resources(JOURNALS)).isEmpty();
        assertThat(store.journal(journal.id()).title()).isEmpty();
        assertThat(store.journal(journal.id()).content()).isEmpty();
        assertThat(store.journal(journal.id()).backendId()).isPresent();
    }

    @Test
    void givenBackendAnsweringACreateWith200AndNoId_whenCreated_thenFailedForGoodSinceItCouldNeverBeUpdated()
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            connect(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
            JournalEntry journal = Fixtures.journal("alice", "Title", "Content", Optional.empty());

            HandlerResult result = deliverAlone(journals, own(Operation.CREATE, journal));

            assertThat(reason(result)).isEqualTo("the backend accepted the create of journal entry " + journal.id()
                    + " without giving its id, so it could never be updated or deleted there");
            assertThat(store.journal(journal.id()).backendId()).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void givenJournalOfAnotherUsersEvent_whenHandled_thenFailedForGoodAndNothingSent() {
        start();
        JournalEntry bobs = Fixtures.journal("bob", "Title", "Content", Optional.empty());
        store.put(bobs);

        HandlerResult result = deliverAlone(journals, OutboxEventBuilder.anEvent().withType(WellnessEvents.JOURNAL)
                .forEntity(bobs.id().toString()).forUser("alice").build());

        assertThat(reason(result)).isEqualTo("journal entry " + bobs.id() + " belongs to another user than its event");
        assertThat(backend.journal()).isEmpty();
        assertThat(List.of(journals.eventType(), moods.eventType())).containsExactly("journal_entry", "mood_entry");
    }

    @Test
    void givenMigratedJournalLinkingAnotherUsersMood_whenHandled_thenFailedForGoodAndNothingSent() {
        start();
        MoodEntry bobs = Fixtures.mood("bob", 0.1, null);
        store.put(bobs);

        HandlerResult result = deliverAlone(journals, Fixtures.migratedEvent(WellnessEvents.JOURNAL, Operation.CREATE,
                UUID.randomUUID().toString(), "{\"mood_id\": \"" + bobs.id() + "\", \"title\": \"T\"}").build());

        assertThat(reason(result)).isEqualTo("the linked mood entry " + bobs.id()
                + " belongs to another user; nothing was sent");
        assertThat(backend.journal()).isEmpty();
    }

    @Test
    void givenBackendIdThatIsNoPathSegment_whenUpdated_thenFailedForGoodInsteadOfCallingAnotherPath() {
        start();
        JournalEntry journal = Fixtures.journal("alice", "Title", "Content", Optional.empty());
        store.put(journal);
        store.journals().setBackendId(journal.id(), "../progress");

        HandlerResult result = deliverAlone(journals, Fixtures.ownEvent(WellnessEvents.JOURNAL, Operation.UPDATE,
                journal.id(), "alice").build());

        assertThat(reason(result)).contains("cannot be used in a URL path");
        assertThat(backend.journal()).isEmpty();
    }
}
