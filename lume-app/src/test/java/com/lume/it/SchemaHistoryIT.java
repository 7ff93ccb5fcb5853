package com.lume.it;

import com.lume.demo.WellnessContract;
import com.lume.persistence.JpaJournalEntries;
import com.lume.persistence.JpaMoodEntries;


import com.lume.support.DerbyStore;
import io.outbox.jpa.StoreTransactor;
import io.outbox.sync.RepositorySyncStates;
import io.outbox.sync.SyncState;
import com.lume.wellness.WellnessEvents;
import com.lume.wellness.service.JournalService;
import com.lume.wellness.service.MoodService;
import com.lume.wellness.usecase.JournalUseCases;
import com.lume.wellness.usecase.MoodUseCases;
import com.lume.wiring.LumeApp;
import com.zaxxer.hikari.HikariDataSource;
import io.outbox.cli.OutboxApp;
import io.outbox.event.EventStatus;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import io.outbox.http.RemoteApi;
import io.outbox.jpa.Dialect;
import io.outbox.jpa.MigrationSet;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreConfig;
import io.outbox.jpa.internal.Migrations;
import io.outbox.jpa.internal.Pools;
import io.outbox.jpa.support.Stores;
import io.outbox.processor.OutboxProcessor;
import io.outbox.testing.backend.JournalEntry;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import io.outbox.repository.EventQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Lume's schema history on both stores: a fresh store gets every version, and a store built at each
 * earlier version (Flyway target), with data, opens with its entries kept and the right sync
 * state: entries with a backend id synced, the others pending with a create event, moods before
 * journals, which the first sync then delivers.
 */
class SchemaHistoryIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant T = Instant.parse("2025-01-31T08:00:00Z");
    private static final String TOKEN = "schema-token";
    private final OutboxApp app = LumeApp.on(CLOCK);

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenEmptyStore_whenOpened_thenEveryLumeVersionApplied(Stores.Kind kind) throws Exception {
        List<AutoCloseable> cleanups = new ArrayList<>();
        String url = Stores.freshUrl(kind, cleanups);
        try (OutboxStore store = OutboxStore.open(app.storeConfig(url));
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT \"version\" FROM \"lume_schema_history\""
                     + " WHERE \"success\" = TRUE ORDER BY \"installed_rank\"")) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            assertThat(versions).containsExactly("0", "1", "2", "3", "4");
            assertThat(store.repository().find(EventQuery.byStatus(EventStatus.PENDING))).isEmpty();
        } finally {
            close(cleanups);
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenLume1StoreWithMoodsOnly_whenOpened_thenUnsyncedMoodPendingAndSyncedOneNot(Stores.Kind kind)
            throws Exception {
        List<AutoCloseable> cleanups = new ArrayList<>();
        String url = Stores.freshUrl(kind, cleanups);
        UUID synced = UUID.randomUUID();
        UUID unsynced = UUID.randomUUID();
        try {
            buildAt(url, "1", (c, dialect) -> {
                mood(c, dialect, synced, "alice", "b-1", null);
                mood(c, dialect, unsynced, "alice", null, "a note from 1.x");
            });
            try (OutboxStore store = OutboxStore.open(app.storeConfig(url))) {
                assertThat(moods(store).list("alice")).extracting(MoodUseCases.MoodView::id,
                        MoodUseCases.MoodView::syncState, MoodUseCases.MoodView::note).containsExactly(
                        tuple(synced, SyncState.SYNCED, java.util.Optional.empty()),
                        tuple(unsynced, SyncState.PENDING, java.util.Optional.of("a note from 1.x")));
                assertThat(store.repository().find(EventQuery.byStatus(EventStatus.PENDING))).singleElement().satisfies(e -> {
                    assertThat(e.eventType()).isEqualTo(WellnessEvents.MOOD);
                    assertThat(e.operation()).isEqualTo(Operation.CREATE);
                    assertThat(e.entityId()).isEqualTo(unsynced.toString());
                    assertThat(e.priority()).isEqualTo(Priority.USER_ACTION);
                    assertThat(e.metadata()).contains(WellnessEvents.OWN_METADATA);
                });
            }
        } finally {
            close(cleanups);
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenLume2StoreWithLinkedJournal_whenOpenedAndSynced_thenMoodThenJournalDeliveredAndSyncedOnesLeftAlone(
            Stores.Kind kind) throws Exception {
        List<AutoCloseable> cleanups = new ArrayList<>();
        String url = Stores.freshUrl(kind, cleanups);
        UUID syncedMood = UUID.randomUUID();
        UUID mood = UUID.randomUUID();
        UUID journal = UUID.randomUUID();
        UUID syncedJournal = UUID.randomUUID();
        try {
            buildAt(url, "2", (c, dialect) -> {
                mood(c, dialect, syncedMood, "alice", "b-1", null);
                mood(c, dialect, mood, "alice", null, null);
                journal(c, dialect, journal, "alice", mood, null);
                journal(c, dialect, syncedJournal, "alice", syncedMood, "b-2");
            });
            try (OutboxStore store = OutboxStore.open(app.storeConfig(url));
                 StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(TOKEN)
                         .withValidator(WellnessContract.MOODS, WellnessContract.moodBody())
                         .withValidator(WellnessContract.JOURNALS, WellnessContract.journalBody()))) {
                List<OutboxEvent> pending = store.repository().find(EventQuery.byStatus(EventStatus.PENDING));
                assertThat(pending).extracting(OutboxEvent::eventType, OutboxEvent::entityId).containsExactly(
                        tuple(WellnessEvents.MOOD, mood.toString()), tuple(WellnessEvents.JOURNAL, journal.toString()));
                assertThat(journals(store).list("alice")).extracting(JournalUseCases.JournalView::id,
                        JournalUseCases.JournalView::syncState, JournalUseCases.JournalView::content)
                        .containsExactly(tuple(journal, SyncState.PENDING, "written in 2.x"),
                                tuple(syncedJournal, SyncState.SYNCED, "written in 2.x"));

                RemoteApi api = RemoteApi.create(backend.baseUri(), TOKEN);
                try (OutboxProcessor processor = OutboxProcessor.builder(store.repository())
                        .handlers(app.handlers(store, api)).exclusiveStore(store.exclusive()).build()) {
                    processor.drainUntilIdle(Duration.ofSeconds(20));
                }

                assertThat(backend.journal()).extracting(JournalEntry::method, JournalEntry::path).containsExactly(
                        tuple("POST", "/api/v1/wellness/mood-entries"), tuple("POST", "/api/v1/wellness/journal-entries"));
                assertThat(backend.resources(WellnessContract.JOURNALS).values().iterator().next().body())
                        .containsEntry("mood_client_id", mood.toString());
                assertThat(journals(store).list("alice")).allSatisfy(j -> assertThat(j.syncState())
                        .isEqualTo(SyncState.SYNCED));
            }
        } finally {
            close(cleanups);
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenLume3StoreWithTombstones_whenOpened_thenOnlyLiveUnsyncedEntriesGetEventsAndTombstonesStayHidden(
            Stores.Kind kind) throws Exception {
        List<AutoCloseable> cleanups = new ArrayList<>();
        String url = Stores.freshUrl(kind, cleanups);
        UUID live = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        UUID deletedJournal = UUID.randomUUID();
        try {
            buildAt(url, "3", (c, dialect) -> {
                mood(c, dialect, live, "bob", null, null);
                mood(c, dialect, deleted, "bob", null, null);
                journal(c, dialect, deletedJournal, "bob", null, null);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE mood_entry SET deleted = TRUE WHERE id = '" + deleted + "'");
                    s.executeUpdate("UPDATE journal_entry SET deleted = TRUE WHERE id = '" + deletedJournal + "'");
                }
            });
            try (OutboxStore store = OutboxStore.open(app.storeConfig(url))) {
                assertThat(store.repository().find(EventQuery.byStatus(EventStatus.PENDING))).extracting(OutboxEvent::entityId)
                        .containsExactly(live.toString());
                assertThat(moods(store).list("bob")).extracting(MoodUseCases.MoodView::id).containsExactly(live);
                assertThat(journals(store).list("bob")).isEmpty();
            }
        } finally {
            close(cleanups);
        }
    }

    /** Writes rows into a store whose schema is at an earlier version. */
    private interface Rows {
        void write(Connection c, Dialect dialect) throws SQLException;
    }

    private void buildAt(String url, String version, Rows rows) throws SQLException {
        DerbyStore.keepLogInTarget();
        Dialect dialect = Dialect.of(url).orElseThrow();
        MigrationSet lume = app.migrations();
        try (HikariDataSource old = Pools.open(StoreConfig.url(url), dialect)) {
            Migrations.applyUpTo(old, dialect, MigrationSet.OUTBOX, "latest");
            Migrations.applyUpTo(old, dialect, lume, version);
            try (Connection c = old.getConnection()) {
                rows.write(c, dialect);
            }
        }
        if (dialect == Dialect.DERBY) {
            try {
                java.sql.DriverManager.getConnection(url.replace(";create=true", "") + ";shutdown=true").close();
            } catch (SQLException expected) {
                assertThat(expected.getSQLState()).isEqualTo("08006");
            }
        }
    }

    private static void mood(Connection c, Dialect dialect, UUID id, String user, String backendId, String note)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO mood_entry (id, user_id, valence, labels, note,"
                + " entry_date, backend_id) VALUES (?, ?, 0.5, '[\"calm\"]', ?, ?, ?)")) {
            s.setString(1, id.toString());
            s.setString(2, user);
            s.setString(3, note);
            dialect.bindInstant(s, 4, T.plusSeconds(count++));
            s.setString(5, backendId);
            s.executeUpdate();
        }
    }

    private static int count;

    private static void journal(Connection c, Dialect dialect, UUID id, String user, UUID mood, String backendId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO journal_entry (id, user_id, title, content, mood_id,"
                + " entry_date, backend_id) VALUES (?, ?, 'A day', 'written in 2.x', ?, ?, ?)")) {
            s.setString(1, id.toString());
            s.setString(2, user);
            s.setString(3, mood == null ? null : mood.toString());
            dialect.bindInstant(s, 4, T.plusSeconds(1000 + count++));
            s.setString(5, backendId);
            s.executeUpdate();
        }
    }

    private static MoodUseCases moods(OutboxStore store) {
        return new MoodService(new JpaMoodEntries(() -> store), new JpaJournalEntries(() -> store),
                new StoreTransactor(() -> store), new RepositorySyncStates(store::repository), CLOCK);
    }

    private static JournalUseCases journals(OutboxStore store) {
        return new JournalService(new JpaJournalEntries(() -> store), new JpaMoodEntries(() -> store),
                new StoreTransactor(() -> store), new RepositorySyncStates(store::repository), CLOCK);
    }

    private static void close(List<AutoCloseable> cleanups) throws Exception {
        for (AutoCloseable c : cleanups) {
            c.close();
        }
    }
}
