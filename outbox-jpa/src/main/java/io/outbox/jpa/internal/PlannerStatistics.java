package io.outbox.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps PostgreSQL's planner statistics of {@code outbox_event} fresh enough for the claim. A
 * backlog written faster than autovacuum analyzes (a bulk import, a migration, a device long
 * offline, a fresh store) leaves the planner believing the table nearly empty: it then reads
 * and sorts every due row for each claim, seconds per claim at 100,000 rows instead of a
 * millisecond, until autovacuum gets round to it. So before a claim, at most once per
 * {@link #CHECK_INTERVAL}, it reads how many rows changed since the last analyze and analyzes
 * when that is more than {@value #MIN_CHANGES} plus half the rows the planner knows of.
 * Thread-safe.
 */
final class PlannerStatistics {
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);
    static final int MIN_CHANGES = 1_000;
    private static final String STALENESS = "SELECT s.n_mod_since_analyze, GREATEST(c.reltuples, 0)"
            + " FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid"
            + " WHERE s.relid = 'outbox_event'::regclass";

    private final AtomicReference<Instant> nextCheck = new AtomicReference<>(Instant.MIN);

    /** True for one caller once {@link #CHECK_INTERVAL} has passed since the last check. */
    boolean checkDue(Instant now) {
        Instant next = nextCheck.get();
        return !now.isBefore(next) && nextCheck.compareAndSet(next, now.plus(CHECK_INTERVAL));
    }

    /**
     * Analyzes the table when its statistics are stale; true when it did. Run it in a transaction
     * of its own: it gives up after a short lock wait (another process or autovacuum is already
     * analyzing), which aborts the transaction.
     */
    boolean refreshIfStale(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(STALENESS); ResultSet rows = s.executeQuery()) {
            if (!rows.next() || rows.getLong(1) <= MIN_CHANGES + rows.getDouble(2) / 2) {
                return false;
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '200ms'");
            s.execute("ANALYZE outbox_event");
        }
        return true;
    }
}
