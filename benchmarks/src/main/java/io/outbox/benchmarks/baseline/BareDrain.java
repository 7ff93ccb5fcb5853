package io.outbox.benchmarks.baseline;

import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.benchmarks.store.BenchStore;
import io.outbox.jpa.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The drain baseline, the least SQL any outbox on the store must run: claim a batch of due
 * rows, hand each row to a handler, mark the batch completed in one JDBC batch; two
 * transactions per batch, as the library has. PostgreSQL claims in one statement
 * ({@code UPDATE ... WHERE id IN (SELECT ... ORDER BY ... LIMIT n FOR UPDATE SKIP LOCKED)
 * RETURNING}); Derby, which has no SKIP LOCKED, reads due rows through the due index and
 * makes each one its own with a conditional update, batched. Every column is read, as a
 * handler needs the event. No entity ordering, no priority share, no retries: this is the
 * physical limit, not a rival. Thread-safe; each batch uses its own pooled connection.
 */
public final class BareDrain {
    /** What the baseline handler sees of a claimed row. */
    public record Claimed(UUID id, String metadata) {
    }

    private static final String COLUMNS = RawEnqueue.EVENT_COLUMNS;
    private static final String POSTGRES_CLAIM = "UPDATE outbox_event o SET status = 'processing', claim_owner = ?,"
            + " lease_expires_at = ?, attempt_count = o.attempt_count + 1, last_attempt_at = ?"
            + " WHERE o.id IN (SELECT e.id FROM outbox_event e WHERE e.status IN ('pending', 'failed')"
            + " AND e.next_attempt_at IS NOT NULL AND e.next_attempt_at <= ?"
            + " ORDER BY e.priority DESC, e.created_at, e.id LIMIT ? FOR UPDATE SKIP LOCKED)"
            + " RETURNING " + COLUMNS;
    private static final String DERBY_DUE = "SELECT " + COLUMNS
            + " FROM outbox_event --DERBY-PROPERTIES index=OUTBOX_EVENT_DUE_IDX\n"
            + " WHERE status = 'pending' AND next_attempt_at <= ?"
            + " ORDER BY priority DESC, created_at, id FETCH FIRST ? ROWS ONLY";
    private static final String DERBY_CLAIM_ONE = "UPDATE outbox_event SET status = 'processing', claim_owner = ?,"
            + " lease_expires_at = ?, attempt_count = attempt_count + 1, last_attempt_at = ?"
            + " WHERE id = ? AND status = 'pending'";
    private static final String COMPLETE = "UPDATE outbox_event SET status = 'completed', completed_at = ?,"
            + " result = NULL, error_message = NULL, next_attempt_at = NULL, claim_owner = NULL,"
            + " lease_expires_at = NULL WHERE id = ? AND status = 'processing' AND claim_owner = ?";

    private final Clock clock = Clock.systemUTC();
    private final BenchStore store;
    private final Dialect dialect;
    private final String owner;
    private final int batchSize;

    public BareDrain(BenchStore store, String owner, int batchSize) {
        this.store = store;
        this.dialect = store.dialect();
        this.owner = owner;
        this.batchSize = batchSize;
    }

    /** Drains until a claim comes back empty; returns how many rows were completed. */
    public long drainAll(Consumer<Claimed> handler) {
        return drain(Long.MAX_VALUE, handler);
    }

    /** Drains batches until at least {@code atLeast} rows were completed or nothing is due. */
    public long drain(long atLeast, Consumer<Claimed> handler) {
        long done = 0;
        while (done < atLeast) {
            int batch = batch(handler);
            if (batch == 0) {
                break;
            }
            done += batch;
        }
        return done;
    }

    /** One batch: claim, handle, complete; returns how many rows it completed. */
    public int batch(Consumer<Claimed> handler) {
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Claimed> claimed = claim(c, batchSize);
                c.commit();
                if (claimed.isEmpty()) {
                    return 0;
                }
                claimed.forEach(handler);
                int completed = complete(c, claimed);
                c.commit();
                return completed;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new BenchmarkException("bare drain failed: " + e.getMessage(), e);
        }
    }

    /** Claims up to {@code limit} due rows in its own transaction (the claim cost of the growth scenario). */
    public int claimOnly(int limit) {
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                int claimed = claim(c, limit).size();
                c.commit();
                return claimed;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new BenchmarkException("bare claim failed: " + e.getMessage(), e);
        }
    }

    private List<Claimed> claim(Connection c, int limit) throws SQLException {
        Instant now = clock.instant();
        Instant lease = now.plus(Duration.ofMinutes(5));
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement s = c.prepareStatement(POSTGRES_CLAIM)) {
                s.setString(1, owner);
                dialect.bindInstant(s, 2, lease);
                dialect.bindInstant(s, 3, now);
                dialect.bindInstant(s, 4, now);
                s.setInt(5, limit);
                try (ResultSet rows = s.executeQuery()) {
                    return readAll(rows);
                }
            }
        }
        List<Claimed> due;
        try (PreparedStatement s = c.prepareStatement(DERBY_DUE)) {
            dialect.bindInstant(s, 1, now);
            s.setInt(2, limit);
            try (ResultSet rows = s.executeQuery()) {
                due = readAll(rows);
            }
        }
        if (due.isEmpty()) {
            return due;
        }
        try (PreparedStatement s = c.prepareStatement(DERBY_CLAIM_ONE)) {
            for (Claimed row : due) {
                s.setString(1, owner);
                dialect.bindInstant(s, 2, lease);
                dialect.bindInstant(s, 3, now);
                dialect.bindUuid(s, 4, row.id());
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            List<Claimed> won = new ArrayList<>(due.size());
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    won.add(due.get(i));
                }
            }
            return won;
        }
    }

    private int complete(Connection c, List<Claimed> claimed) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement s = c.prepareStatement(COMPLETE)) {
            for (Claimed row : claimed) {
                dialect.bindInstant(s, 1, now);
                dialect.bindUuid(s, 2, row.id());
                s.setString(3, owner);
                s.addBatch();
            }
            int total = 0;
            for (int count : s.executeBatch()) {
                total += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, count);
            }
            return total;
        }
    }

    /** Reads every column of each row, as decoding an event would, and keeps what the handler uses. */
    private List<Claimed> readAll(ResultSet rows) throws SQLException {
        List<Claimed> all = new ArrayList<>();
        while (rows.next()) {
            UUID id = dialect.readUuid(rows, "id");
            rows.getString("event_type");
            rows.getString("operation");
            rows.getString("entity_id");
            rows.getString("user_id");
            rows.getString("status");
            rows.getInt("priority");
            dialect.readInstant(rows, "created_at");
            dialect.readInstant(rows, "last_attempt_at");
            rows.getInt("attempt_count");
            rows.getInt("max_attempts");
            rows.getString("error_message");
            dialect.readInstant(rows, "completed_at");
            String metadata = rows.getString("metadata");
            rows.getBoolean("is_new_record");
            dialect.readInstant(rows, "next_attempt_at");
            rows.getString("claim_owner");
            dialect.readInstant(rows, "lease_expires_at");
            rows.getString("result");
            all.add(new Claimed(id, metadata));
        }
        return all;
    }
}
