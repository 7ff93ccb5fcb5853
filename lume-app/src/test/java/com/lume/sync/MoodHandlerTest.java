package com.lume.sync;

import com.lume.demo.WellnessContract;
import com.lume.support.Fixtures;
import com.lume.support.InMemoryWellness;
import com.lume.wellness.MoodEntry;
import com.lume.wellness.MoodMetadata;
import com.lume.wellness.WellnessEvents;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.metadata.TypedMetadata;
import io.outbox.http.RemoteApi;
import io.outbox.testing.InMemoryOutboxRepository;
import io.outbox.testing.backend.JournalEntry;
import io.outbox.testing.backend.Resource;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.outbox.testing.Handlers.deliverAlone;
import static org.assertj.core.api.Assertions.assertThat;

/** The mood handler against a stand-in backend: bodies, backend ids, migrated payloads, and its own answers. */
class MoodHandlerTest {
    private static final String TOKEN = "mood-test-token";
    private static final String COLLECTION = WellnessContract.MOODS;

    private final InMemoryWellness store = new InMemoryWellness();
    private final InMemoryOutboxRepository outbox = new InMemoryOutboxRepository();
    private StandInBackend backend;
    private MoodHandler handler;

    private void start(StandInBackend.Options options) {
        backend = StandInBackend.start(options.validators().containsKey(COLLECTION) ? options
                : options.withValidator(COLLECTION, WellnessContract.moodBody()));
        RemoteApi api = RemoteApi.builder(backend.baseUri(), TOKEN).requestTimeout(Duration.ofSeconds(5)).build();
        handler = new MoodHandler(store.moods(), outbox, api);
    }

    private void start() {
        start(StandInBackend.Options.withToken(TOKEN));
    }

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    private MoodEntry stored(String note) {
        MoodEntry mood = Fixtures.mood("alice", 0.4, note);
        store.put(mood);
        return mood;
    }

    private OutboxEvent own(Operation operation, UUID entity) {
        return Fixtures.ownEvent(WellnessEvents.MOOD, operation, entity, "alice").build();
    }

    private Resource onlyResource() {
        assertThat(backend.resources(COLLECTION)).hasSize(1);
        return backend.resources(COLLECTION).values().iterator().next();
    }

    @Test
    void givenNewMood_whenCreated_thenPostedWithEveryKeyAndBackendIdStoredOnTheRow() {
        start();
        MoodEntry mood = stored(null);

        HandlerResult result = deliverAlone(handler, own(Operation.CREATE, mood.id()));

        Resource created = onlyResource();
        assertThat(result).isEqualTo(HandlerResult.done(created.backendId()));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("client_id", mood.id().toString());
        expected.put("valence", new java.math.BigDecimal("0.4"));
        expected.put("labels", List.of("calm"));
        expected.put("note", null);
        expected.put("date", "2025-01-31T08:00:00Z");
        assertThat(created.body()).containsExactlyEntriesOf(expected);
        assertThat(store.mood(mood.id()).backendId()).contains(created.backendId());
    }

    @Test
    void givenBackendAlreadyHoldingTheClientId_whenCreatedUnderAnotherKey_thenDoneWithThatIdAndCreatedOnce() {
        start();
        MoodEntry mood = stored("walk");
        deliverAlone(handler, own(Operation.CREATE, mood.id()));
        String first = store.mood(mood.id()).backendId().orElseThrow();
        store.put(mood); // as if the backend id had been lost

        HandlerResult again = deliverAlone(handler, own(Operation.CREATE, mood.id()));

        assertThat(again).isEqualTo(HandlerResult.done(first));
        assertThat(store.mood(mood.id()).backendId()).contains(first);
        assertThat(backend.createsPerClientId(COLLECTION)).containsExactly(Map.entry(mood.id().toString(), 1));
    }

    @Test
    void givenBackendIdAlreadyOnTheRow_whenCreateHandled_thenNothingIsSent() {
        start();
        MoodEntry mood = stored(null);
        deliverAlone(handler, own(Operation.CREATE, mood.id()));
        int requests = backend.journal().size();

        HandlerResult again = deliverAlone(handler, own(Operation.CREATE, mood.id()));

        assertThat(again).isInstanceOf(HandlerResult.Done.class);
        assertThat(backend.journal()).hasSize(requests);
    }

    @Test
    void givenCreatedMood_whenUpdatedThenDeleted_thenPutAndDeleteReachItAndTheTombstoneLosesItsNote() {
        start();
        MoodEntry mood = stored("private walk");
        deliverAlone(handler, own(Operation.CREATE, mood.id()));
        store.put(store.mood(mood.id()).withValence(-0.5).withLabels(List.of()));

        assertThat(deliverAlone(handler, own(Operation.UPDATE, mood.id()))).isEqualTo(HandlerResult.done());
        assertThat(onlyResource().body()).containsEntry("valence", new java.math.BigDecimal("-0.5"))
                .containsEntry("labels", List.of()).containsEntry("note", "private walk");

        store.put(store.mood(mood.id()).asDeleted());
        assertThat(deliverAlone(handler, own(Operation.DELETE, mood.id()))).isEqualTo(HandlerResult.done());
        assertThat(backend.resources(COLLECTION)).isEmpty();
        assertThat(store.mood(mood.id()).note()).isEmpty();
        assertThat(backend.journal()).extracting(JournalEntry::method).containsExactly("POST", "PUT", "DELETE");
    }

    @Test
    void givenUpdateOfAnEntryWithoutBackendId_whenHandled_thenWaitsForItsCreateAndSendsNothing() {
        start();
        MoodEntry mood = stored(null);

        HandlerResult result = deliverAlone(handler, own(Operation.UPDATE, mood.id()));

        assertThat(result).isInstanceOf(HandlerResult.RetryLater.class);
        assertThat(backend.journal()).isEmpty();
    }

    @Test
    void givenMigratedSnakeCasePayloadWithoutRow_whenCreated_thenBodyBuiltFromThePayload() {
        start();
        String id = UUID.randomUUID().toString();
        OutboxEvent event = Fixtures.migratedEvent(WellnessEvents.MOOD, Operation.CREATE, id, "{\"id\": \"" + id
                + "\", \"user_id\": \"alice\", \"valence\": 0.4, \"labels\": [\"calm\"], \"note\": \"walk\","
                + " \"logged_at\": \"2025-01-20T08:00:00Z\"}").build();

        HandlerResult result = deliverAlone(handler, event);

        Resource created = onlyResource();
        assertThat(result).isEqualTo(HandlerResult.done(created.backendId()));
        assertThat(created.body()).containsEntry("client_id", id).containsEntry("labels", List.of("calm"))
                .containsEntry("note", "walk").containsEntry("date", "2025-01-20T08:00:00Z");
    }

    @Test
    void givenMigratedCamelCasePayloadWithoutDate_whenCreated_thenDateIsWhenTheLegacyEventWasMade() {
        start();
        String id = UUID.randomUUID().toString();
        OutboxEvent event = Fixtures.migratedEvent(WellnessEvents.MOOD, Operation.CREATE, id,
                "{\"moodId\": \"" + id + "\", \"userId\": \"alice\", \"valence\": \"-0.2\", \"labels\": \"calm, tired\"}")
                .build();

        assertThat(deliverAlone(handler, event)).isInstanceOf(HandlerResult.Done.class);

        assertThat(onlyResource().body()).containsEntry("valence", new java.math.BigDecimal("-0.2"))
                .containsEntry("labels", List.of("calm", "tired")).containsEntry("note", null)
                .containsEntry("date", "2025-01-20T09:30:00Z");
    }

    @Test
    void givenMigratedUpdateAfterMigratedCreate_whenHandled_thenPutToTheBackendIdTheCreateKept() {
        start();
        String id = UUID.randomUUID().toString();
        OutboxEvent create = Fixtures.migratedEvent(WellnessEvents.MOOD, Operation.CREATE, id,
                "{\"valence\": 0.1, \"logged_at\": \"2025-01-20T08:00:00Z\"}").build();
        HandlerResult.Done done = (HandlerResult.Done) deliverAlone(handler, create);
        outbox.save(create.completed(Fixtures.T, done.data()));
        OutboxEvent update = Fixtures.migratedEvent(WellnessEvents.MOOD, Operation.UPDATE, id,
                "{\"valence\": 0.9, \"logged_at\": \"2025-01-20T08:00:00Z\"}").build();

        assertThat(deliverAlone(handler, update)).isEqualTo(HandlerResult.done());

        assertThat(onlyResource().backendId()).isEqualTo(done.data().orElseThrow());
        assertThat(onlyResource().body()).containsEntry("valence", new java.math.BigDecimal("0.9"));
        assertThat(onlyResource().version()).isEqualTo(2);
    }

    @Test
    void givenMigratedUpdateWhoseCreateWasDeliveredBeforeTheMigration_whenHandled_thenFailedForGoodSendingNothing() {
        start();
        OutboxEvent update = Fixtures.migratedEvent(WellnessEvents.MOOD, Operation.UPDATE,
                UUID.randomUUID().toString(), "{\"valence\": 0.9}").build();

        HandlerResult result = deliverAlone(handler, update);

        assertThat(result).isInstanceOf(HandlerResult.FailedForGood.class);
        assertThat(((HandlerResult.FailedForGood) result).reason()).contains("no backend id is known");
        assertThat(backend.journal()).isEmpty();
    }

    @Test
    void givenLegacyPayloadKeptAsBase64_whenHandled_thenFailedForGoodWithoutAnyPayloadText() {
        start();
        OutboxEvent event = Fixtures.migratedEvent(WellnessEvents.MOOD, Operation.CREATE,
                UUID.randomUUID().toString(), "{\"legacy_payload_base64\": \"c2VjcmV0IGRpYXJ5IHRleHQ=\"}").build();

        HandlerResult result = deliverAlone(handler, event);

        assertThat(result).isInstanceOf(HandlerResult.FailedForGood.class);
        assertThat(((HandlerResult.FailedForGood) result).reason()).contains("not JSON")
                .doesNotContain("c2VjcmV0").doesNotContain("secret");
        assertThat(backend.journal()).isEmpty();
    }

    @Test
    void givenMigratedPayloadWithoutValence_whenCreated_thenFailedForGoodSendingNothing() {
        start();
        OutboxEvent event = Fixtures.migratedEvent(WellnessEvents.MOOD, Operation.CREATE,
                UUID.randomUUID().toString(), "{\"note\": \"secret\", \"valence\": 3}").build();

        HandlerResult result = deliverAlone(handler, event);

        assertThat(((HandlerResult.FailedForGood) result).reason()).contains("no valence").doesNotContain("secret");
        assertThat(backend.journal()).isEmpty();
    }

    @Test
    void givenEventsOfBothMetadataGenerations_whenHandled_thenEachDeliveredAndTypedOnesNeverTakenForLegacy() {
        start();
        MoodEntry older = stored(null);
        MoodEntry typed = stored("walk");
        OutboxEvent typedEvent = Fixtures.ownEvent(WellnessEvents.MOOD, Operation.CREATE, typed.id(), "alice")
                .withMetadata(TypedMetadata.write(MoodMetadata.of(typed))).build();

        assertThat(deliverAlone(handler, own(Operation.CREATE, older.id()))).isInstanceOf(HandlerResult.Done.class);
        assertThat(deliverAlone(handler, typedEvent)).isInstanceOf(HandlerResult.Done.class);
        assertThat(backend.createsPerClientId(COLLECTION)).containsOnlyKeys(older.id().toString(),
                typed.id().toString());
        UUID gone = UUID.randomUUID();
        OutboxEvent typedWithoutRow = Fixtures.ownEvent(WellnessEvents.MOOD, Operation.CREATE, gone, "alice")
                .withMetadata(TypedMetadata.write(new MoodMetadata(0.4, 1))).build();
        assertThat(deliverAlone(handler, typedWithoutRow)).isEqualTo(HandlerResult.failedForGood(
                "mood entry " + gone + " is not in the local store any more"));
    }

    @Test
    void givenEventsTheHandlerCannotPlace_whenHandled_thenEachFailsForGoodSayingWhy() {
        start();
        MoodEntry bobs = Fixtures.mood("bob", 0, null);
        store.put(bobs);

        assertThat(deliverAlone(handler, Fixtures.migratedEvent(WellnessEvents.MOOD, Operation.CREATE, "mood-7",
                "{\"valence\": 0.1}").build())).isEqualTo(HandlerResult.failedForGood(
                "entity id mood-7 is not a mood entry id"));
        UUID missing = UUID.randomUUID();
        assertThat(deliverAlone(handler, own(Operation.CREATE, missing))).isEqualTo(HandlerResult.failedForGood(
                "mood entry " + missing + " is not in the local store any more"));
        assertThat(deliverAlone(handler, own(Operation.CREATE, bobs.id()))).isEqualTo(HandlerResult.failedForGood(
                "mood entry " + bobs.id() + " belongs to another user than its event"));
        assertThat(backend.journal()).isEmpty();
    }

    @Test
    void givenServerRejectingWithAMessageQuotingTheNote_whenCreated_thenMessageKeptWithTheNoteMasked() {
        String note = "met Sam at the clinic today";
        start(StandInBackend.Options.withToken(TOKEN).withValidator(COLLECTION,
                body -> Optional.of("note '" + body.get("note") + "' is too personal; see '"
                        + String.valueOf(body.get("note")).substring(4, 20) + "'")));
        MoodEntry mood = stored(note);

        HandlerResult result = deliverAlone(handler, own(Operation.CREATE, mood.id()));

        String reason = ((HandlerResult.FailedForGood) result).reason();
        assertThat(reason).startsWith("HTTP 422: note '[private text]' is too personal")
                .doesNotContain("Sam at the clinic").doesNotContain("at the cl");
    }
}
