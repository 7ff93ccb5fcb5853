package io.outbox.benchmarks.store;

import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.jpa.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Hands out fresh, empty stores for one run: a Derby directory under the work directory, or
 * a PostgreSQL schema of its own; {@link #close()} removes every one of them. Thread-safe.
 */
public final class StoreLocations implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreLocations.class);

    private final String postgresServer;
    private final Path workDir;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> schemas = new ArrayList<>();
    private final List<Path> directories = new ArrayList<>();
    private int next;

    /** {@code postgresServer} is a JDBC URL with its credentials, {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}. */
    public StoreLocations(String postgresServer, Path workDir) {
        this.postgresServer = postgresServer;
        this.workDir = workDir;
    }

    /** The URL of a new empty store of that kind. */
    public synchronized String fresh(Dialect dialect) {
        int n = ++next;
        if (dialect == Dialect.DERBY) {
            Path dir = workDir.resolve("derby-" + runId + "-" + n);
            directories.add(dir);
            return "jdbc:derby:" + dir.toAbsolutePath().resolve("store") + ";create=true";
        }
        String schema = ("bench_" + runId + "_" + n).toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        schemas.add(schema);
        return postgresServer + (postgresServer.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The server's version, as {@code SHOW server_version} gives it. */
    public String postgresVersion() {
        try (Connection c = DriverManager.getConnection(postgresServer); Statement s = c.createStatement();
             var rows = s.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new BenchmarkException("PostgreSQL at " + postgresServer + " does not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        for (String schema : schemas) {
            try {
                execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (BenchmarkException e) {
                log.warn("could not drop schema {}: {}", schema, e.getMessage());
            }
        }
        schemas.clear();
        for (Path dir : directories) {
            deleteTree(dir);
        }
        directories.clear();
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(postgresServer); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new BenchmarkException(sql + " failed on " + postgresServer + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a directory and everything in it; a failure is logged, not thrown (it is clean-up). */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("could not delete {}: {}", dir, e.getMessage());
        }
    }
}
