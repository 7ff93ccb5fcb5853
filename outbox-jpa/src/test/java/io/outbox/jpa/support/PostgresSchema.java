package io.outbox.jpa.support;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A private schema on the test PostgreSQL server (127.0.0.1:5432, user postgres, database
 * test), dropped on close. Without a server the test is skipped locally, but fails when
 * {@code CI=true}: CI must never pass by skipping.
 */
public final class PostgresSchema implements AutoCloseable {
    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    public static PostgresSchema create(String purpose) {
        String name = (purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL at " + SERVER + " is required when CI=true: "
                        + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL at " + SERVER + " is not reachable: " + e.getMessage());
        }
        return new PostgresSchema(name);
    }

    /** A URL whose connections work in this schema only. */
    public String url() {
        return SERVER + "&currentSchema=" + name;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + name, e);
        }
    }
}
