package io.outbox.benchmarks.baseline;

import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.benchmarks.store.BenchStore;
import io.outbox.benchmarks.store.Notes;
import io.outbox.jpa.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The lean raw drain of issue 18, Derby only: the same claim-handle-complete loop as
 * {@link BareDrain}, on a table of its own with the least an outbox row needs: one index that
 * holds {@code status} (the due index), metadata as {@code VARCHAR}, no entity-order check, no
 * user or age index. What the store does with nothing in the way; our schema keeps entity order,
 * per-user scope and the statistics, which cost. Not thread-safe: one drain at a time.
 */
public final class LeanRawDrain {
    private static final String TABLE = "lean_outbox_event";
    private static final String DUE = "SELECT id, event_type, entity_id, user_id, status, priority, created_at,"
            + " attempt_count, metadata, next_attempt_at FROM " + TABLE
            + " --DERBY-PROPERTIES index=LEAN_OUTBOX_EVENT_DUE_IDX\n"
            + " WHERE status = 'pending' AND next_attempt_at <= ?"
            + " ORDER BY status, priority DESC, created_at, id FETCH FIRST ? ROWS ONLY";
    private static final String CLAIM_ONE = "UPDATE " + TABLE + " SET status = 'processing', claim_owner = ?,"
            + " lease_expires_at = ?, attempt_count = attempt_count + 1 WHERE id = ? AND status = 'pending'";
    private static final String COMPLETE = "UPDATE " + TABLE + " SET status = 'completed', completed_at = ?,"
            + " claim_owner = NULL, lease_expires_at = NULL WHERE id = ? AND claim_owner = ?";

    private final Clock clock = Clock.systemUTC();
    private final BenchStore store;
    private final int batchSize;

    /** A drain of {@code store}'s lean table in batches of {@code batchSize}. */
    public LeanRawDrain(BenchStore store, int batchSize) {
        if (store.dialect() != Dialect.DERBY) {
            throw new IllegalArgumentException("the lean raw drain is Derby's baseline");
        }
        this.store = store;
        this.batchSize = batchSize;
    }

    /** Makes the lean table anew and fills it with {@code count} pending rows, as the backlog of the others. */
    public void prepare(int count) {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            if (c.getMetaData().getTables(null, null, TABLE.toUpperCase(), null).next()) {
                s.execute("DROP TABLE " + TABLE);
            }
            s.execute("CREATE TABLE " + TABLE + " (id CHAR(16) FOR BIT DATA NOT NULL PRIMARY KEY,"
                    + " event_type VARCHAR(64) NOT NULL, entity_id VARCHAR(128) NOT NULL, user_id VARCHAR(64) NOT NULL,"
                    + " status VARCHAR(16) NOT NULL, priority INTEGER NOT NULL, created_at TIMESTAMP NOT NULL,"
                    + " attempt_count INTEGER NOT NULL, claim_owner VARCHAR(128), lease_expires_at TIMESTAMP,"
                    + " completed_at TIMESTAMP, metadata VARCHAR(4000), next_attempt_at TIMESTAMP)");
            s.execute("CREATE INDEX lean_outbox_event_due_idx ON " + TABLE + " (status, priority DESC, created_at, id)");
            c.setAutoCommit(false);
            Instant base = clock.instant().minus(Duration.ofHours(1));
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (id, event_type, entity_id,"
                    + " user_id, status, priority, created_at, attempt_count, metadata, next_attempt_at)"
                    + " VALUES (?, ?, ?, ?, 'pending', 10, ?, 0, ?, ?)")) {
                for (int g = 1; g <= count; g++) {
                    Instant at = base.plusMillis(g);
                    Dialect.DERBY.bindUuid(insert, 1, UUID.randomUUID());
                    insert.setString(2, Notes.EVENT_TYPE);
                    insert.setString(3, "note-" + g);
                    insert.setString(4, Notes.USER);
                    Dialect.DERBY.bindInstant(insert, 5, at);
                    insert.setString(6, Notes.metadata(g));
                    Dialect.DERBY.bindInstant(insert, 7, at);
                    insert.addBatch();
                    if (g % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new BenchmarkException("lean raw backlog failed: " + e.getMessage(), e);
        }
    }

    /** Drains until a claim comes back empty; returns how many rows were completed. */
    public long drainAll() {
        long done = 0;
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                while (true) {
                    List<UUID> claimed = claim(c);
                    c.commit();
                    if (claimed.isEmpty()) {
                        return done;
                    }
                    done += complete(c, claimed);
                    c.commit();
                }
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new BenchmarkException("lean raw drain failed: " + e.getMessage(), e);
        }
    }

    private List<UUID> claim(Connection c) throws SQLException {
        Instant now = clock.instant();
        List<UUID> due = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(DUE)) {
            Dialect.DERBY.bindInstant(s, 1, now);
            s.setInt(2, batchSize);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    due.add(Dialect.DERBY.readUuid(rows, "id"));
                    for (int column = 2; column <= 10; column++) {
                        rows.getObject(column); // read every column, as a handler's event would be
                    }
                }
            }
        }
        if (due.isEmpty()) {
            return due;
        }
        try (PreparedStatement s = c.prepareStatement(CLAIM_ONE)) {
            for (UUID id : due) {
                s.setString(1, "lean");
                Dialect.DERBY.bindInstant(s, 2, now.plus(Duration.ofMinutes(5)));
                Dialect.DERBY.bindUuid(s, 3, id);
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            List<UUID> won = new ArrayList<>(due.size());
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    won.add(due.get(i));
                }
            }
            return won;
        }
    }

    private int complete(Connection c, List<UUID> claimed) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement s = c.prepareStatement(COMPLETE)) {
            for (UUID id : claimed) {
                Dialect.DERBY.bindInstant(s, 1, now);
                Dialect.DERBY.bindUuid(s, 2, id);
                s.setString(3, "lean");
                s.addBatch();
            }
            int total = 0;
            for (int count : s.executeBatch()) {
                total += Math.max(0, count);
            }
            return total;
        }
    }
}
