package io.outbox.tools.migration.cli;

import io.outbox.event.OutboxEvent;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreConfig;
import io.outbox.repository.EventQuery;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Plain looks into the test databases: their tables, row counts, and the events a store holds. Stateless. */
public final class Databases {
    private Databases() {
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    public static <T> T with(String url, SqlWork<T> work) {
        try (Connection connection = DriverManager.getConnection(url)) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("test database " + url + ": " + e.getMessage(), e);
        }
    }

    /** The tables of the connection's own schema, in lower case. */
    public static Set<String> tables(String url) {
        return with(url, connection -> {
            Set<String> names = new TreeSet<>();
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rows = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    names.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return names;
        });
    }

    public static long count(String url, String table) {
        return with(url, connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Every event of the store at {@code url}, through the library. */
    public static List<OutboxEvent> events(String url) {
        try (OutboxStore store = OutboxStore.open(StoreConfig.url(url))) {
            return store.repository().find(EventQuery.all());
        }
    }
}
