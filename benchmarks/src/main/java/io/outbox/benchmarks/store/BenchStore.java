package io.outbox.benchmarks.store;

import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.jpa.Dialect;
import io.outbox.jpa.MigrationSet;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreConfig;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * An open outbox store with the benchmark's entity mapped beside the outbox event, plus the
 * plain-SQL chores between runs (emptying tables, counting, refreshing planner statistics).
 * Thread-safe, as the store is.
 */
public final class BenchStore implements AutoCloseable {
    public static final MigrationSet MIGRATIONS = MigrationSet.named("bench");

    private final String url;
    private final OutboxStore store;

    private BenchStore(String url, OutboxStore store) {
        this.url = url;
        this.store = store;
    }

    public static BenchStore open(String url) {
        return open(url, 4);
    }

    public static BenchStore open(String url, int poolSize) {
        StoreConfig config = StoreConfig.url(url).withMigrations(MIGRATIONS).withEntities(List.of(BenchNote.class))
                .withPoolSize(poolSize);
        return new BenchStore(url, OutboxStore.open(config));
    }

    public OutboxStore outbox() {
        return store;
    }

    public Dialect dialect() {
        return store.dialect();
    }

    /** {@code derby} or {@code postgresql}, as the table shows it. */
    public String label() {
        return label(dialect());
    }

    public static String label(Dialect dialect) {
        return dialect.name().toLowerCase(Locale.ROOT);
    }

    public String url() {
        return url;
    }

    public DataSource dataSource() {
        return store.dataSource();
    }

    /** Empties the outbox and the notes, so a run starts from the same state as the one before. */
    public void truncate() {
        if (dialect() == Dialect.POSTGRESQL) {
            execute("TRUNCATE outbox_event, bench_note");
        } else {
            execute("TRUNCATE TABLE outbox_event");
            execute("TRUNCATE TABLE bench_note");
        }
    }

    /** Fresh planner statistics after a bulk load, as autovacuum would give a real store (PostgreSQL only). */
    public void analyze() {
        if (dialect() == Dialect.POSTGRESQL) {
            execute("ANALYZE outbox_event");
        }
    }

    public long count(String where) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM outbox_event WHERE " + where)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new BenchmarkException("counting events failed: " + e.getMessage(), e);
        }
    }

    public String productVersion() {
        try (Connection c = dataSource().getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new BenchmarkException("reading the store's version failed: " + e.getMessage(), e);
        }
    }

    public void execute(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new BenchmarkException(sql + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
