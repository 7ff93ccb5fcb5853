package io.outbox.jpa;

import com.zaxxer.hikari.HikariDataSource;
import io.outbox.SchemaVersionException;
import io.outbox.event.EventStatus;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;
import io.outbox.jpa.internal.Migrations;
import io.outbox.jpa.internal.Pools;
import io.outbox.jpa.support.Stores;
import io.outbox.processor.OutboxProcessor;
import org.junit.jupiter.params.ParameterizedTest;
import io.outbox.repository.ClaimOrder;
import io.outbox.repository.ClaimRequest;
import io.outbox.repository.Scope;
import io.outbox.repository.Wait;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema is Flyway's: from nothing, from every earlier version (1, 2 and 3) with data kept,
 * and never half-migrated.
 */
class SchemaMigrationIT {
    private static final Instant T = Instant.parse("2025-01-31T08:00:00Z");

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenEmptyStore_whenOpened_thenEveryOutboxVersionApplied(Stores.Kind kind) throws Exception {
        try (Stores.Opened opened = Stores.open(kind);
             Connection c = opened.store().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT \"version\" FROM \"outbox_schema_history\""
                     + " WHERE \"success\" = TRUE ORDER BY \"installed_rank\"")) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            // V3 is the insert trigger behind the cross-process wake-up (NOTIFY on PostgreSQL, DerbyWrites on Derby);
            // V4 the event an event waits on (waits_for); V5, fewer indexes holding status, is Derby's alone
            // (a PostgreSQL update writes a new entry in every index anyway)
            assertThat(versions).containsExactlyElementsOf(kind == Stores.Kind.DERBY
                    ? List.of("1", "2", "3", "4", "5") : List.of("1", "2", "3", "4"));
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenSeedStoreAtVersion1WithData_whenOpened_thenEveryEventKeptAndDeliverable(Stores.Kind kind) throws Exception {
        List<AutoCloseable> cleanups = new ArrayList<>();
        String url = Stores.freshUrl(kind, cleanups);
        Dialect dialect = Dialect.of(url).orElseThrow();
        UUID pending = UUID.randomUUID();
        UUID retriable = UUID.randomUUID();
        UUID exhausted = UUID.randomUUID();
        UUID processing = UUID.randomUUID();
        UUID completed = UUID.randomUUID();
        try (HikariDataSource v1 = Pools.open(StoreConfig.url(url), dialect)) {
            Migrations.applyUpTo(v1, dialect, MigrationSet.OUTBOX, "1");
            try (Connection c = v1.getConnection()) {
                insertSeed(c, dialect, pending, "PENDING", 0, true, null);
                insertSeed(c, dialect, retriable, "failed", 2, false, T.plusSeconds(10));
                insertSeed(c, dialect, exhausted, "failed", 5, false, T.plusSeconds(20));
                insertSeed(c, dialect, processing, "processing", 1, false, T.plusSeconds(30));
                insertSeed(c, dialect, completed, "completed", 1, true, T.plusSeconds(40));
            }
        }

        try (OutboxStore store = OutboxStore.open(StoreConfig.url(url))) {
            var repository = store.repository();
            OutboxEvent p = repository.findById(pending).orElseThrow();
            assertThat(p.status()).isEqualTo(EventStatus.PENDING);
            assertThat(p.operation()).isEqualTo(Operation.CREATE);
            assertThat(p.nextAttemptAt()).contains(T);
            assertThat(p.metadata()).contains("{\"quantity\":72.5}");
            assertThat(repository.findById(retriable).orElseThrow().nextAttemptAt()).contains(T.plusSeconds(10));
            assertThat(repository.findById(exhausted).orElseThrow().isFailedForGood()).isTrue();
            assertThat(repository.findById(processing).orElseThrow().claim().orElseThrow().owner())
                    .isEqualTo("seed-worker");
            assertThat(repository.findById(completed).orElseThrow().completedAt()).isPresent();

            List<UUID> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
            OutboxHandler handler = OutboxHandler.of("progress_entry", event -> {
                delivered.add(event.id());
                return HandlerResult.done();
            });
            try (OutboxProcessor processor = OutboxProcessor.builder(repository).handler(handler)
                    .exclusiveStore(true).build()) {
                processor.drainUntilIdle(Duration.ofSeconds(5));
            }
            assertThat(delivered).containsExactlyInAnyOrder(pending, retriable, processing);
            assertThat(repository.findById(exhausted).orElseThrow().status()).isEqualTo(EventStatus.FAILED);
        } finally {
            for (AutoCloseable c : cleanups) {
                c.close();
            }
        }
    }

    static Stream<Arguments> storesAtVersions2And3() {
        return Stream.of(Stores.Kind.values()).flatMap(kind -> Stream.of(Arguments.of(kind, "2"),
                Arguments.of(kind, "3")));
    }

    @ParameterizedTest(name = "{0} store at outbox version {1}")
    @MethodSource("storesAtVersions2And3")
    void givenStoreAtEarlierVersionWithData_whenOpened_thenEveryEventKeptWaitingOnNothingAndAbleToWait(
            Stores.Kind kind, String version) throws Exception {
        List<AutoCloseable> cleanups = new ArrayList<>();
        String url = Stores.freshUrl(kind, cleanups);
        Dialect dialect = Dialect.of(url).orElseThrow();
        UUID pending = UUID.randomUUID();
        UUID retrying = UUID.randomUUID();
        UUID dead = UUID.randomUUID();
        UUID completed = UUID.randomUUID();
        try (HikariDataSource old = Pools.open(StoreConfig.url(url), dialect)) {
            Migrations.applyUpTo(old, dialect, MigrationSet.OUTBOX, version);
            try (Connection c = old.getConnection()) {
                insertReliable(c, dialect, pending, "pending", 0, T, null);
                insertReliable(c, dialect, retrying, "failed", 2, T.plusSeconds(30), "HTTP 503");
                insertReliable(c, dialect, dead, "failed", 5, null, "HTTP 400");
                insertReliable(c, dialect, completed, "completed", 1, null, null);
            }
        }

        try (OutboxStore store = OutboxStore.open(StoreConfig.url(url))) {
            var repository = store.repository();
            assertThat(List.of(pending, retrying, dead, completed)).allSatisfy(id -> {
                OutboxEvent e = repository.findById(id).orElseThrow();
                assertThat(e.waitsFor()).isEmpty();
                assertThat(e.metadata()).contains("{\"quantity\":72.5}");
            });
            assertThat(repository.findById(retrying).orElseThrow().nextAttemptAt()).contains(T.plusSeconds(30));
            assertThat(repository.findById(retrying).orElseThrow().errorMessage()).contains("HTTP 503");
            assertThat(repository.findById(dead).orElseThrow().isFailedForGood()).isTrue();
            assertThat(repository.findById(completed).orElseThrow().result()).contains("backend-1");

            Instant now = T.plusSeconds(60);
            repository.claim(new ClaimRequest("w", 10, now, now.plusSeconds(300),
                    Scope.everything().withEventTypes(java.util.Set.of("progress_entry")), ClaimOrder.OLDEST_FIRST));
            repository.park(List.of(new Wait(pending, "w", retrying, "waits for the retrying one", now.plusSeconds(60),
                    now)));
            assertThat(repository.findById(pending).orElseThrow().waitsFor()).contains(retrying);
        } finally {
            for (AutoCloseable c : cleanups) {
                c.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenStoreWrittenByNewerProgram_whenOpened_thenRefusedSayingSo(Stores.Kind kind) throws Exception {
        List<AutoCloseable> cleanups = new ArrayList<>();
        String url = Stores.freshUrl(kind, cleanups);
        try {
            try (OutboxStore store = OutboxStore.open(StoreConfig.url(url));
                 Connection c = store.dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement("INSERT INTO \"outbox_schema_history\" (\"installed_rank\","
                         + " \"version\", \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
                         + " \"execution_time\", \"success\")"
                         + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'test', 1, ?)")) {
                s.setBoolean(1, true);
                s.executeUpdate();
            }

            assertThatThrownBy(() -> OutboxStore.open(StoreConfig.url(url)).close())
                    .isInstanceOf(SchemaVersionException.class)
                    .hasMessageContaining("is at version 99, newer than this program knows (up to "
                            + (kind == Stores.Kind.DERBY ? "5" : "4") + ")");
        } finally {
            for (AutoCloseable c : cleanups) {
                c.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenMigrationFailingHalfWay_whenOpened_thenRefusedAndNothingOfItLeft(Stores.Kind kind) throws Exception {
        List<AutoCloseable> cleanups = new ArrayList<>();
        String url = Stores.freshUrl(kind, cleanups);
        try {
            StoreConfig broken = StoreConfig.url(url)
                    .withMigrations(MigrationSet.named("broken"));

            assertThatThrownBy(() -> OutboxStore.open(broken).close())
                    .isInstanceOf(SchemaVersionException.class)
                    .hasMessageContaining("migrating the broken schema")
                    .hasMessageContaining("left at its previous version");

            try (OutboxStore store = OutboxStore.open(StoreConfig.url(url));
                 Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeQuery("SELECT id FROM broken_half").close())
                        .isInstanceOf(SQLException.class);
            }
        } finally {
            for (AutoCloseable c : cleanups) {
                c.close();
            }
        }
    }

    /** A row as outbox versions 2 and 3 wrote it (their columns, no waits_for). */
    private static void insertReliable(Connection c, Dialect dialect, UUID id, String status, int attempts,
                                       Instant nextAttempt, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox_event (id, event_type, operation, entity_id,"
                + " user_id, status, created_at, last_attempt_at, attempt_count, max_attempts, error_message,"
                + " completed_at, metadata, priority, is_new_record, next_attempt_at, claim_owner, lease_expires_at,"
                + " result) VALUES (?, 'progress_entry', 'create', ?, 'alice', ?, ?, ?, ?, 5, ?, ?,"
                + " '{\"quantity\":72.5}', 10, ?, ?, NULL, NULL, ?)")) {
            boolean done = status.equals("completed");
            dialect.bindUuid(s, 1, id);
            s.setString(2, UUID.randomUUID().toString());
            s.setString(3, status);
            dialect.bindInstant(s, 4, T);
            dialect.bindInstant(s, 5, attempts == 0 ? null : T.plusSeconds(5));
            s.setInt(6, attempts);
            s.setString(7, error);
            dialect.bindInstant(s, 8, done ? T.plusSeconds(6) : null);
            s.setBoolean(9, true);
            dialect.bindInstant(s, 10, nextAttempt);
            s.setString(11, done ? "backend-1" : null);
            s.executeUpdate();
        }
    }

    private static void insertSeed(Connection c, Dialect dialect, UUID id, String status, int attempts,
                                   boolean newRecord, Instant lastAttempt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox_event (id, event_type, entity_id, user_id,"
                + " status, created_at, last_attempt_at, attempt_count, max_attempts, error_message, completed_at,"
                + " metadata, priority, is_new_record) VALUES (?, 'progress_entry', ?, 'alice', ?, ?, ?, ?, 5, ?, ?,"
                + " '{\"quantity\":72.5}', 10, ?)")) {
            dialect.bindUuid(s, 1, id);
            s.setString(2, UUID.randomUUID().toString());
            s.setString(3, status);
            dialect.bindInstant(s, 4, T);
            dialect.bindInstant(s, 5, lastAttempt);
            s.setInt(6, attempts);
            s.setString(7, status.equals("failed") ? "HTTP 503" : null);
            dialect.bindInstant(s, 8, status.equals("completed") ? T.plusSeconds(41) : null);
            s.setBoolean(9, newRecord);
            s.executeUpdate();
        }
    }
}
