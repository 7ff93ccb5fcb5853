package io.outbox.http;

import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.Delivered;
import io.outbox.handler.HandlerResult;
import io.outbox.sync.SyncedEntries;
import io.outbox.sync.SyncedEntry;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler every app's synced entries share, with the shared delivery flow, against the
 * stand-in backend over real loopback HTTP: a small "notes" kind of entry stands for the app's.
 */
class SyncedEntryHandlerTest {
    private static final String TOKEN = "tok-5be1c0aa";
    private static final String NOTES = "/api/v1/notes";

    record Note(UUID id, String userId, String text, Optional<String> backendId, boolean deleted)
            implements SyncedEntry<Note> {
        @Override
        public Note asDeleted() {
            return new Note(id, userId, text, backendId, true);
        }
    }

    /** Notes in memory; the handler reads them at send time. */
    static final class Notes implements SyncedEntries<Note> {
        final Map<UUID, Note> notes = new LinkedHashMap<>();
        final List<UUID> forgotten = new java.util.ArrayList<>();

        @Override
        public Optional<Note> find(UUID id) {
            return Optional.ofNullable(notes.get(id));
        }

        @Override
        public Optional<Note> findLive(String userId, UUID id) {
            return find(id).filter(n -> n.userId().equals(userId) && !n.deleted());
        }

        @Override
        public void insert(Note entry) {
            notes.put(entry.id(), entry);
        }

        @Override
        public void update(Note entry) {
            notes.put(entry.id(), entry);
        }

        @Override
        public List<Note> listLive(String userId) {
            return notes.values().stream().filter(n -> n.userId().equals(userId) && !n.deleted()).toList();
        }

        @Override
        public void setBackendId(UUID id, String backendId) {
            Note n = notes.get(id);
            notes.put(id, new Note(n.id(), n.userId(), n.text(), Optional.of(backendId), n.deleted()));
        }
    }

    /** The app's part: the body, and the note's text kept out of reasons. */
    static final class NoteHandler extends SyncedEntryHandler<Note> {
        private final Notes notes;
        private final EntryDelivery delivery;

        NoteHandler(Notes notes, RemoteApi api) {
            super("note", "note", notes);
            this.notes = notes;
            this.delivery = new EntryDelivery(api);
        }

        @Override
        protected HandlerResult deliver(OutboxEvent event, Note entry, String noun) {
            return delivery.deliver(event, new EntryDelivery.Target(noun, NOTES, entry.backendId(),
                    () -> new EntryDelivery.Ready(Json.write(Map.of("client_id", entry.id().toString(),
                            "text", entry.text()))),
                    () -> notes.forgotten.add(entry.id()),
                    waitingForCreate(noun), PrivateText.of(entry.text())));
        }
    }

    private final StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(TOKEN)
            .withValidator("notes", body -> String.valueOf(body.get("text")).length() > 20
                    ? Optional.of("text too long: " + body.get("text")) : Optional.empty()));
    private final Notes notes = new Notes();
    private final NoteHandler handler = new NoteHandler(notes, RemoteApi.builder(backend.baseUri(), TOKEN).build());

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void givenANewNote_whenItsCreateIsDelivered_thenTheBackendIdIsKeptWithTheBatchAndARepeatSendsNothing() {
        Note note = note("alice", "buy milk");
        OutboxEvent create = event(note, Operation.CREATE);

        HandlerResult first = handler.handle(create);
        assertThat(notes.find(note.id()).orElseThrow().backendId()).as("kept with the batch, not per event").isEmpty();
        handler.keepDelivered(List.of(new Delivered(create, ((HandlerResult.Done) first).data())));

        String backendId = notes.find(note.id()).orElseThrow().backendId().orElseThrow();
        assertThat(first).isEqualTo(HandlerResult.done(backendId));
        assertThat(handler.handle(create)).isEqualTo(HandlerResult.done(backendId));
        assertThat(backend.counters().requests()).as("the repeat found the backend id and sent nothing").isEqualTo(1);
        assertThat(backend.resources("notes").get(backendId).body()).containsEntry("text", "buy milk");
    }

    @Test
    void givenAnUpdateBeforeTheCreateArrived_whenHandled_thenItWaitsForTheCreate() {
        Note note = note("alice", "call mum");

        assertThat(handler.handle(event(note, Operation.UPDATE)))
                .isEqualTo(HandlerResult.retryLater("waiting for note " + note.id() + " to reach the backend first"));
        assertThat(backend.counters().requests()).isZero();
    }

    @Test
    void givenADeliveredNote_whenDeleted_thenTheBackendDeletesItAndTheAppForgetsItsText() {
        Note note = note("alice", "secret plan");
        OutboxEvent create = event(note, Operation.CREATE);
        handler.keepDelivered(List.of(new Delivered(create, ((HandlerResult.Done) handler.handle(create)).data())));
        notes.update(notes.find(note.id()).orElseThrow().asDeleted());

        assertThat(handler.handle(event(note, Operation.DELETE))).isInstanceOf(HandlerResult.Done.class);

        assertThat(backend.resources("notes")).isEmpty();
        assertThat(notes.forgotten).containsExactly(note.id());
    }

    @Test
    void givenAnotherUsersNoteOrAnUnknownOrMalformedId_whenHandled_thenFailedForGoodAndNothingSent() {
        Note bobs = note("bob", "bob's");
        OutboxEvent asAlice = anEvent().withType("note").forEntity(bobs.id().toString()).forUser("alice").build();
        UUID gone = UUID.randomUUID();

        assertThat(handler.handle(asAlice)).isEqualTo(HandlerResult.failedForGood(
                "note " + bobs.id() + " belongs to another user than its event"));
        assertThat(handler.handle(anEvent().withType("note").forEntity(gone.toString()).forUser("alice").build()))
                .isEqualTo(HandlerResult.failedForGood("note " + gone + " is not in the local store any more"));
        assertThat(handler.handle(anEvent().withType("note").forEntity("n-1").forUser("alice").build()))
                .isEqualTo(HandlerResult.failedForGood("entity id n-1 is not a note id"));
        assertThat(backend.counters().requests()).isZero();
    }

    @Test
    void givenABackendThatQuotesTheNote_whenItRefuses_thenTheReasonKeepsItsMessageButNotTheText() {
        Note note = note("alice", "my very private diary text");

        HandlerResult refused = handler.handle(event(note, Operation.CREATE));

        assertThat(refused).isInstanceOf(HandlerResult.FailedForGood.class);
        String reason = ((HandlerResult.FailedForGood) refused).reason();
        assertThat(reason).contains("422").contains("text too long").contains(PrivateText.MASK)
                .doesNotContain("diary");
    }

    @Test
    void givenABackendIdThatIsNoPathSegment_whenUpdated_thenFailedForGoodWithoutARequest() {
        Note note = note("alice", "x");
        notes.setBackendId(note.id(), "../admin");

        assertThat(handler.handle(event(note, Operation.UPDATE))).isEqualTo(HandlerResult.failedForGood(
                "the backend id of note " + note.id() + " cannot be used in a URL path; only A-Za-z0-9._~- are"));
        assertThat(backend.counters().requests()).isZero();
        assertThat(handler.eventType()).isEqualTo("note");
    }

    private Note note(String user, String text) {
        Note note = new Note(UUID.randomUUID(), user, text, Optional.empty(), false);
        notes.insert(note);
        return note;
    }

    private static OutboxEvent event(Note note, Operation operation) {
        return anEvent().withType("note").withOperation(operation).forEntity(note.id().toString())
                .forUser(note.userId()).createdAt(Instant.parse("2026-01-01T00:00:00Z")).build();
    }
}
