package io.outbox.sync;

import io.outbox.event.EventStatus;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import io.outbox.repository.EventQuery;
import io.outbox.testing.InMemoryOutboxRepository;
import io.outbox.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SyncedChangesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    record Note(UUID id, String userId, String text, boolean deleted) implements SyncedEntry<Note> {
        @Override
        public Note asDeleted() {
            return new Note(id, userId, text, true);
        }
    }

    /** Entries and events in memory; a transaction's writes are kept only when it returns. */
    static final class Store implements SyncedEntries<Note>, Transactor {
        final Map<UUID, Note> notes = new LinkedHashMap<>();
        final InMemoryOutboxRepository outbox = new InMemoryOutboxRepository();
        /** What opening the store costs before a transaction can begin (nothing unless a test says). */
        Runnable opening = () -> { };
        private Map<UUID, Note> working;

        @Override
        public void inTransaction(Consumer<Recorder> work) {
            opening.run();
            working = new LinkedHashMap<>(notes);
            List<OutboxEvent> recorded = new ArrayList<>();
            try {
                work.accept(recorded::add);
                notes.clear();
                notes.putAll(working);
                recorded.forEach(outbox::save);
            } finally {
                working = null;
            }
        }

        private Map<UUID, Note> current() {
            return working != null ? working : notes;
        }

        @Override
        public Optional<Note> find(UUID id) {
            return Optional.ofNullable(current().get(id));
        }

        @Override
        public Optional<Note> findLive(String userId, UUID id) {
            return find(id).filter(n -> n.userId().equals(userId) && !n.deleted());
        }

        @Override
        public void insert(Note entry) {
            current().put(entry.id(), entry);
        }

        @Override
        public void update(Note entry) {
            current().replace(entry.id(), entry);
        }

        @Override
        public List<Note> listLive(String userId) {
            return current().values().stream().filter(n -> n.userId().equals(userId) && !n.deleted()).toList();
        }

        @Override
        public void setBackendId(UUID id, String backendId) {
            // notes keep no backend id in this test
        }
    }

    private final ManualClock clock = new ManualClock(T0);
    private final Store store = new Store();
    private final SyncedChanges<Note> changes = new SyncedChanges<>(store, store,
            new RepositorySyncStates(() -> store.outbox),
            (note, operation, priority, at) -> OutboxEvent.pending(UUID.randomUUID(), "note", operation,
                    note.id().toString(), note.userId(), priority, Optional.empty(), at),
            (user, id) -> new IllegalArgumentException("no note " + id + " for " + user), clock);

    @Test
    void givenNewNotes_whenAdded_thenEachHasACreateEventOfThePriority() {
        Note a = note("alice", "a");
        Note b = note("alice", "b");

        changes.add(List.of(a, b), Priority.BACKGROUND);

        assertThat(store.notes).containsKeys(a.id(), b.id());
        assertThat(events()).extracting(OutboxEvent::entityId, OutboxEvent::operation, OutboxEvent::priority,
                OutboxEvent::createdAt).containsExactlyInAnyOrder(
                tuple(a.id().toString(), Operation.CREATE, Priority.BACKGROUND, T0),
                tuple(b.id().toString(), Operation.CREATE, Priority.BACKGROUND, T0));
    }

    @Test
    void givenAStoreThatTakesTimeToOpen_whenChanged_thenEachEventCarriesTheTimeInsideItsTransaction() {
        store.opening = () -> clock.advance(Duration.ofSeconds(2)); // a store opened on first use
        Note a = note("alice", "a");
        Note b = note("alice", "b");

        changes.add(List.of(a, b), Priority.USER_ACTION);
        changes.change("alice", a.id(), Priority.USER_ACTION, stored -> new Note(stored.id(), stored.userId(), "a2",
                false));
        changes.delete("alice", b.id(), Priority.USER_ACTION);

        assertThat(events()).extracting(OutboxEvent::operation, OutboxEvent::createdAt).containsExactlyInAnyOrder(
                tuple(Operation.CREATE, T0.plusSeconds(2)), tuple(Operation.CREATE, T0.plusSeconds(2)),
                tuple(Operation.UPDATE, T0.plusSeconds(4)), tuple(Operation.DELETE, T0.plusSeconds(6)));
    }

    @Test
    void givenACheckThatFails_whenAdding_thenNothingIsWritten() {
        Note a = note("alice", "a");

        assertThatThrownBy(() -> changes.add(List.of(a), Priority.USER_ACTION, outbox -> {
            throw new IllegalStateException("linked note is gone");
        })).hasMessage("linked note is gone");

        assertThat(store.notes).isEmpty();
        assertThat(events()).isEmpty();
    }

    @Test
    void givenALiveNote_whenChanged_thenItsNewStateAndAnUpdateEventCommitTogether() {
        Note a = note("alice", "a");
        changes.add(List.of(a), Priority.USER_ACTION);
        clock.advance(Duration.ofSeconds(5));

        changes.change("alice", a.id(), Priority.USER_ACTION, stored -> new Note(stored.id(), stored.userId(), "a2",
                false));

        assertThat(store.notes.get(a.id()).text()).isEqualTo("a2");
        assertThat(events()).extracting(OutboxEvent::operation, OutboxEvent::createdAt)
                .containsExactly(tuple(Operation.CREATE, T0), tuple(Operation.UPDATE, T0.plusSeconds(5)));
    }

    @Test
    void givenAnotherUsersNote_whenChangedOrDeleted_thenTheAppsNotFoundFailureAndNoEvent() {
        Note bobs = note("bob", "b");
        changes.add(List.of(bobs), Priority.USER_ACTION);

        assertThatThrownBy(() -> changes.change("alice", bobs.id(), Priority.USER_ACTION, n -> n))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no note " + bobs.id() + " for alice");
        assertThatThrownBy(() -> changes.delete("alice", bobs.id(), Priority.USER_ACTION))
                .hasMessage("no note " + bobs.id() + " for alice");
        assertThat(events()).hasSize(1);
    }

    @Test
    void givenAChangeThatFails_whenChanging_thenTheStoredNoteStaysAsItWas() {
        Note a = note("alice", "a");
        changes.add(List.of(a), Priority.USER_ACTION);

        assertThatThrownBy(() -> changes.change("alice", a.id(), Priority.USER_ACTION, n -> {
            throw new IllegalArgumentException("text too long");
        })).hasMessage("text too long");

        assertThat(store.notes.get(a.id())).isEqualTo(a);
        assertThat(events()).hasSize(1);
    }

    @Test
    void givenALiveNote_whenDeleted_thenATombstoneADeleteEventAndWhatAlsoRunsCommitTogether() {
        Note a = note("alice", "a");
        Note other = note("alice", "other");
        changes.add(List.of(a, other), Priority.USER_ACTION);

        changes.delete("alice", a.id(), Priority.USER_ACTION, (deleted, outbox, now) -> {
            assertThat(deleted.deleted()).isTrue();
            outbox.record(OutboxEvent.pending(UUID.randomUUID(), "note", Operation.UPDATE, other.id().toString(),
                    "alice", Priority.USER_ACTION, Optional.empty(), now));
        });

        assertThat(store.notes.get(a.id()).deleted()).isTrue();
        assertThat(changes.list("alice", (n, state) -> n.text())).containsExactly("other");
        assertThat(events()).extracting(OutboxEvent::entityId, OutboxEvent::operation).contains(
                tuple(a.id().toString(), Operation.DELETE), tuple(other.id().toString(), Operation.UPDATE));
    }

    @Test
    void givenEventsOfSomeNotes_whenListed_thenEachNoteHasItsSyncState() {
        Note synced = note("alice", "synced");
        Note pending = note("alice", "pending");
        changes.add(List.of(synced, pending), Priority.USER_ACTION);
        store.outbox.find(new EventQuery(Optional.of("alice"), Optional.of(EventStatus.PENDING),
                        EventQuery.UNLIMITED)).stream()
                .filter(e -> e.entityId().equals(synced.id().toString()))
                .forEach(e -> store.outbox.save(anEvent().withId(e.id())
                        .forEntity(e.entityId()).forUser("alice").completedAt(T0).build()));

        assertThat(changes.list("alice", (n, state) -> n.text() + " " + state.wireName()))
                .containsExactlyInAnyOrder("synced synced", "pending pending");
    }

    private static Note note(String user, String text) {
        return new Note(UUID.randomUUID(), user, text, false);
    }

    private List<OutboxEvent> events() {
        return store.outbox.find(new EventQuery(Optional.empty(), Optional.empty(),
                EventQuery.UNLIMITED)).stream()
                .sorted(Comparator.comparing(OutboxEvent::createdAt)).toList();
    }
}
