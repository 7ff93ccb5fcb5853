package io.outbox.benchmarks.store;

import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.event.Priority;
import io.outbox.jpa.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Loads outbox rows in bulk, untimed, before a measurement: a backlog of pending events (one
 * entity each, due now, oldest first in sequence order) or a completed history. PostgreSQL
 * loads with one set-based statement over {@code generate_series}; Derby, which has none,
 * with JDBC batches of 1,000 rows, committed per batch (Derby escalates a transaction holding
 * 5,000 row locks to a table lock). Stateless.
 */
public final class Backlog {
    /** History rows spread over this many entities, the same ones the pending events use. */
    public static final int HISTORY_ENTITIES = 10_000;
    private static final int DERBY_BATCH = 1_000;
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String COLUMNS = "id, event_type, operation, entity_id, user_id, status, priority,"
            + " created_at, last_attempt_at, attempt_count, max_attempts, completed_at, metadata, is_new_record,"
            + " next_attempt_at";

    private Backlog() {
    }

    /**
     * {@code count} pending events of entities {@code note-<first>...}, created one microsecond
     * apart an hour ago (so all are due and their order is the sequence order).
     */
    public static void pending(BenchStore store, long first, long count) {
        Instant base = CLOCK.instant().minus(Duration.ofHours(1));
        if (store.dialect() == Dialect.POSTGRESQL) {
            postgres(store, "'" + Notes.EVENT_TYPE + "', 'create', 'note-' || g, '" + Notes.USER + "', 'pending', "
                    + Priority.USER_ACTION + ", ts, NULL, 0, 5, NULL, '{\"seq\":' || g || '}', true, ts", base, first,
                    count);
        } else {
            derby(store, false, base, first, count);
        }
    }

    /**
     * {@code count} completed events two days old (inside the default 7-day retention, so no
     * cleanup deletes them), spread over the entities the pending events use: an entity's
     * history lies before its pending event, as in an app whose users edit the same things.
     */
    public static void history(BenchStore store, long count) {
        Instant base = CLOCK.instant().minus(Duration.ofDays(2));
        if (store.dialect() == Dialect.POSTGRESQL) {
            postgres(store, "'" + Notes.HISTORY_TYPE + "', 'update', 'note-' || (g % " + HISTORY_ENTITIES + "), '"
                    + Notes.USER + "', 'completed', " + Priority.USER_ACTION + ", ts, ts, 1, 5, ts, NULL, false, NULL",
                    base, 0, count);
        } else {
            derby(store, true, base, 0, count);
        }
    }

    private static void postgres(BenchStore store, String values, Instant base, long first, long count) {
        String sql = "INSERT INTO outbox_event (" + COLUMNS + ") SELECT gen_random_uuid(), " + values
                + " FROM (SELECT g, ?::timestamptz + (g - ?) * interval '1 microsecond' AS ts"
                + " FROM generate_series(?::bigint, ?::bigint) g) s";
        try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            store.dialect().bindInstant(s, 1, base);
            s.setLong(2, first);
            s.setLong(3, first);
            s.setLong(4, first + count - 1);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new BenchmarkException("loading " + count + " rows failed: " + e.getMessage(), e);
        }
    }

    private static void derby(BenchStore store, boolean history, Instant base, long first, long count) {
        Dialect dialect = store.dialect();
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox_event (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (long i = 0; i < count; i++) {
                    long g = first + i;
                    Instant at = base.plusNanos(i * 1_000);
                    dialect.bindUuid(s, 1, UUID.randomUUID());
                    s.setString(2, history ? Notes.HISTORY_TYPE : Notes.EVENT_TYPE);
                    s.setString(3, history ? "update" : "create");
                    s.setString(4, "note-" + (history ? g % HISTORY_ENTITIES : g));
                    s.setString(5, Notes.USER);
                    s.setString(6, history ? "completed" : "pending");
                    s.setInt(7, Priority.USER_ACTION);
                    dialect.bindInstant(s, 8, at);
                    dialect.bindInstant(s, 9, history ? at : null);
                    s.setInt(10, history ? 1 : 0);
                    s.setInt(11, 5);
                    dialect.bindInstant(s, 12, history ? at : null);
                    s.setString(13, history ? null : Notes.metadata(g));
                    s.setBoolean(14, !history);
                    dialect.bindInstant(s, 15, history ? null : at);
                    s.addBatch();
                    if ((i + 1) % DERBY_BATCH == 0 || i == count - 1) {
                        s.executeBatch();
                        c.commit();
                    }
                }
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new BenchmarkException("loading " + count + " rows failed: " + e.getMessage(), e);
        }
    }

    /**
     * Makes every benchmark event pending again, as it was loaded (attempts, claim and outcome
     * cleared), so the next run of a growth measurement finds the same backlog; the history is
     * left alone. Reaches the rows through the age index: they are younger than the history.
     */
    public static void restore(BenchStore store) {
        Instant historyEnd = CLOCK.instant().minus(Duration.ofDays(1));
        String sql = "UPDATE outbox_event SET status = 'pending', next_attempt_at = created_at, completed_at = NULL,"
                + " claim_owner = NULL, lease_expires_at = NULL, attempt_count = 0, last_attempt_at = NULL,"
                + " result = NULL, error_message = NULL WHERE status = ? AND created_at > ?";
        try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (String status : new String[] {"processing", "completed", "failed"}) {
                s.setString(1, status);
                store.dialect().bindInstant(s, 2, historyEnd);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new BenchmarkException("restoring the backlog failed: " + e.getMessage(), e);
        }
        if (store.dialect() == Dialect.POSTGRESQL) {
            store.execute("VACUUM ANALYZE outbox_event");
        }
    }
}
