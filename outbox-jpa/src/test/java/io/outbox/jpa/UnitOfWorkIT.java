package io.outbox.jpa;

import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import io.outbox.jpa.support.Stores;
import io.outbox.jpa.support.TestNote;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An entity and its outbox event commit together or not at all, on both stores. */
class UnitOfWorkIT {
    private static final Instant T = Instant.parse("2025-01-31T08:00:00Z");

    private static OutboxEvent eventFor(TestNote note) {
        return OutboxEvent.pending(UUID.randomUUID(), "test.note", Operation.CREATE, note.id, note.userId,
                Priority.USER_ACTION, Optional.of("{\"n\":1}"), T);
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenFailureAfterEntityWrite_whenUnitFails_thenNeitherEntityNorEventStored(Stores.Kind kind) throws Exception {
        try (Stores.Opened opened = Stores.open(kind)) {
            OutboxStore store = opened.store();
            AtomicInteger notified = new AtomicInteger();
            store.onEventsCommitted(notified::incrementAndGet);
            TestNote note = new TestNote(UUID.randomUUID().toString(), "alice", "hello", T);
            OutboxEvent event = eventFor(note);

            assertThatThrownBy(() -> store.unitOfWork().write(work -> {
                work.entityManager().persist(note);
                work.record(event);
                work.entityManager().flush(); // both rows reach the database inside the transaction
                throw new IllegalStateException("use case failed after writing");
            })).hasMessageContaining("use case failed after writing");

            TestNote found = store.unitOfWork().read(em -> em.find(TestNote.class, note.id));
            assertThat(found).isNull();
            assertThat(store.repository().findById(event.id())).isEmpty();
            assertThat(notified).hasValue(0);
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenEntityAndEvent_whenUnitCommits_thenBothStoredAndListenersCalledOnce(Stores.Kind kind) throws Exception {
        try (Stores.Opened opened = Stores.open(kind)) {
            OutboxStore store = opened.store();
            AtomicInteger notified = new AtomicInteger();
            store.onEventsCommitted(notified::incrementAndGet);
            TestNote note = new TestNote(UUID.randomUUID().toString(), "alice", "hello", T);
            OutboxEvent first = eventFor(note);
            OutboxEvent second = eventFor(note);

            store.unitOfWork().write(work -> {
                work.entityManager().persist(note);
                work.record(first);
                work.record(second);
            });

            assertThat(store.unitOfWork().read(em -> em.find(TestNote.class, note.id)).text).isEqualTo("hello");
            assertThat(store.repository().findById(first.id())).contains(first);
            assertThat(store.repository().findById(second.id())).contains(second);
            assertThat(notified).hasValue(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenJvmOutsideUtc_whenInstantsStored_thenStoredAsUtcAndReadBackUnshifted(Stores.Kind kind) throws Exception {
        TimeZone original = TimeZone.getDefault();
        try (Stores.Opened opened = Stores.open(kind)) {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            OutboxStore store = opened.store();
            TestNote note = new TestNote(UUID.randomUUID().toString(), "alice", "tz", T);
            OutboxEvent event = eventFor(note);
            store.unitOfWork().write(work -> {
                work.entityManager().persist(note);
                work.record(event);
            });

            assertThat(store.repository().findById(event.id()).orElseThrow().createdAt()).isEqualTo(T);
            assertThat(store.unitOfWork().read(em -> em.find(TestNote.class, note.id)).writtenAt).isEqualTo(T);
            String utcText = kind == Stores.Kind.DERBY ? "CAST(created_at AS VARCHAR(30))"
                    : "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')";
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT " + utcText + " FROM outbox_event")) {
                rows.next();
                assertThat(rows.getString(1)).startsWith("2025-01-31 08:00:00");
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }
}
