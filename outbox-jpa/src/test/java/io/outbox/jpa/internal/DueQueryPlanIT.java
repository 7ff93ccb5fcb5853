package io.outbox.jpa.internal;

import io.outbox.jpa.Dialect;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreConfig;
import io.outbox.jpa.support.PostgresSchema;
import io.outbox.repository.ClaimOrder;
import io.outbox.repository.Completion;
import io.outbox.repository.Scope;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The due query reads only events that can still be due, whatever the completed history:
 * the plan on each store uses the due index and sorts nothing. (The measured cost at 1,000
 * against 1,000,000 completed events is in the benchmarks.) Likewise, the look for events
 * waiting on a batch's completions reads the waits_for index, never the pending backlog.
 */
class DueQueryPlanIT {
    private static final Scope SCOPE = Scope.everything().withEventTypes(Set.of("test.entity"));
    private static final Instant NOW = Instant.parse("2025-02-01T00:00:00Z");

    @Test
    void givenLargeCompletedHistoryOnPostgres_whenDueQueryPlanned_thenPartialIndexServesIt() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("outbox_plan");
             OutboxStore store = OutboxStore.open(StoreConfig.url(schema.url()));
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO outbox_event (id, event_type, operation, entity_id, user_id, status, priority,"
                    + " created_at, attempt_count, max_attempts, is_new_record, completed_at)"
                    + " SELECT gen_random_uuid(), 'test.entity', 'create', g::text, 'alice', 'completed', 10,"
                    + " timestamptz '2025-01-01' + g * interval '1 second', 1, 5, true, now()"
                    + " FROM generate_series(1, 200000) g");
            s.execute("INSERT INTO outbox_event (id, event_type, operation, entity_id, user_id, status, priority,"
                    + " created_at, attempt_count, max_attempts, is_new_record, next_attempt_at)"
                    + " SELECT gen_random_uuid(), 'test.entity', 'create', 'p' || g, 'alice', 'pending', 10,"
                    + " timestamptz '2025-01-20' + g * interval '1 second', 0, 5, true,"
                    + " timestamptz '2025-01-20' FROM generate_series(1, 100) g");
            s.execute("ANALYZE outbox_event");
            String plan = explain(c, Dialect.POSTGRESQL, new DueQueries(Dialect.POSTGRESQL)
                    .postgresDue(SCOPE, ClaimOrder.PRIORITY_FIRST));

            assertThat(plan).contains("outbox_event_due_idx").doesNotContain("Seq Scan on outbox_event e");
        }
    }

    @Test
    void givenCompletedHistoryOnDerby_whenDueQueryRuns_thenDueIndexReadInOrderWithoutSort() throws Exception {
        onDerbyWithHistory(c -> {
            String stats = derbyRun(c, new DueQueries(Dialect.DERBY).derbyDueOfStatus(SCOPE), p -> {
                p.setString(1, "pending");
                Dialect.DERBY.bindInstant(p, 2, NOW);
                p.setString(3, "test.entity");
                p.setInt(4, 10);
            });
            assertThat(stats).contains("using index OUTBOX_EVENT_DUE_IDX").doesNotContain("Sort ResultSet");
            assertThat(stats).doesNotContain("Table Scan ResultSet for OUTBOX_EVENT");
        });
    }

    @Test
    void givenCompletedHistoryOnDerby_whenOldestOfAPriorityRead_thenDueIndexReadInOrderWithoutSort() throws Exception {
        onDerbyWithHistory(c -> {
            String level = derbyRun(c, DueQueries.DERBY_NEXT_LOWER_PRIORITY, p -> {
                p.setString(1, "pending");
                p.setInt(2, 101);
            });
            assertThat(level).contains("using index OUTBOX_EVENT_DUE_IDX").doesNotContain("Sort ResultSet");
            String oldest = derbyRun(c, new DueQueries(Dialect.DERBY).derbyDueOfLevel(SCOPE), p -> {
                p.setString(1, "pending");
                p.setInt(2, 10);
                Dialect.DERBY.bindInstant(p, 3, NOW);
                p.setString(4, "test.entity");
                p.setInt(5, 10);
            });
            assertThat(oldest).contains("using index OUTBOX_EVENT_DUE_IDX").doesNotContain("Sort ResultSet")
                    .doesNotContain("Table Scan ResultSet for OUTBOX_EVENT");
        });
    }

    @Test
    void givenPendingBacklogOnDerby_whenCompletionsLookForWaitingEvents_thenOnlyTheWaitsIndexIsRead() throws Exception {
        String url = StoreConfig.embedded(Files.createTempDirectory("outbox-plan")).jdbcUrl();
        try (OutboxStore store = OutboxStore.open(StoreConfig.url(url));
             Connection c = store.dataSource().getConnection()) {
            insertDerby(c, 5_000, "pending");
            try (Statement s = c.createStatement()) {
                s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            }

            new Waits(Dialect.DERBY).wake(c, List.of(
                    new Completion(UUID.randomUUID(), "w", NOW, Optional.empty()),
                    new Completion(UUID.randomUUID(), "w", NOW, Optional.empty())));

            String stats;
            try (Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                rows.next();
                stats = rows.getString(1);
            }
            assertThat(stats).contains("waits_for IN").contains("using index OUTBOX_EVENT_WAITS_IDX")
                    .doesNotContain("Table Scan ResultSet for OUTBOX_EVENT");
        }
    }

    /** What a test does on a connection. */
    @FunctionalInterface
    private interface OnConnection {
        void run(Connection c) throws Exception;
    }

    /** A Derby store with 20,000 completed and 100 pending events, runtime statistics on. */
    private static void onDerbyWithHistory(OnConnection test) throws Exception {
        String url = StoreConfig.embedded(Files.createTempDirectory("outbox-plan")).jdbcUrl();
        try (OutboxStore store = OutboxStore.open(StoreConfig.url(url));
             Connection c = store.dataSource().getConnection()) {
            insertDerby(c, 20_000, "completed");
            insertDerby(c, 100, "pending");
            try (Statement s = c.createStatement()) {
                s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            }
            test.run(c);
        }
    }

    /** Runs a Derby query to its end and returns the runtime statistics of its plan. */
    private static String derbyRun(Connection c, String sql, Jdbc.Binder binder) throws Exception {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            binder.bind(p);
            try (ResultSet rows = p.executeQuery()) {
                int n = 0;
                while (rows.next()) {
                    n++;
                }
                assertThat(n).isPositive();
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void insertDerby(Connection c, int rows, String status) throws Exception {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox_event (id, event_type, operation,"
                + " entity_id, user_id, status, priority, created_at, attempt_count, max_attempts, is_new_record,"
                + " next_attempt_at, completed_at) VALUES (?, 'test.entity', 'create', ?, 'alice', ?, 10, ?, 0, 5,"
                + " TRUE, ?, ?)")) {
            for (int i = 0; i < rows; i++) {
                Dialect.DERBY.bindUuid(s, 1, UUID.randomUUID());
                s.setString(2, UUID.randomUUID().toString());
                s.setString(3, status);
                Instant at = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i);
                Dialect.DERBY.bindInstant(s, 4, at);
                Dialect.DERBY.bindInstant(s, 5, status.equals("pending") ? at : null);
                Dialect.DERBY.bindInstant(s, 6, status.equals("completed") ? at : null);
                s.addBatch();
                if (i % 1000 == 999) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    private static String explain(Connection c, Dialect dialect, String sql) throws Exception {
        try (PreparedStatement p = c.prepareStatement("EXPLAIN " + sql)) {
            dialect.bindInstant(p, 1, NOW);
            p.setString(2, "test.entity");
            p.setInt(3, 10);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = p.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
