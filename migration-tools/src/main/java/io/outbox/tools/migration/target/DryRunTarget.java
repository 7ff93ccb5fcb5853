package io.outbox.tools.migration.target;

import io.outbox.StoreUnavailableException;
import io.outbox.event.OutboxEvent;
import io.outbox.jpa.Dialect;
import io.outbox.tools.migration.jdbc.Connections;
import io.outbox.tools.migration.jdbc.DerbyDatabases;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A dry run's target: it reads which ids the target holds with plain JDBC and writes nothing,
 * not even the schema. It refuses what the real run would refuse (locked, unreachable, a newer
 * schema); a target without an outbox table, or a Derby target not yet created, holds no id.
 * Not thread-safe.
 */
public final class DryRunTarget implements EventTarget {
    private final String url;
    private final Dialect dialect;
    private final Optional<Connection> connection;

    private DryRunTarget(String url, Dialect dialect, Optional<Connection> connection) {
        this.url = url;
        this.dialect = dialect;
        this.connection = connection;
    }

    public static DryRunTarget open(String url) {
        Dialect dialect = Dialect.of(url).orElseThrow(() -> new StoreUnavailableException("no supported JDBC driver "
                + "accepts the target " + Connections.redacted(url) + "; accepted: jdbc:derby:DIR or "
                + "jdbc:postgresql://HOST:PORT/DB", null));
        String readUrl = DerbyDatabases.withoutCreate(url);
        Connection connection;
        try {
            connection = Connections.openReadOnly(readUrl, "target");
        } catch (StoreUnavailableException e) {
            if (dialect == Dialect.DERBY && e.getCause() instanceof SQLException sql && "XJ004".equals(sql.getSQLState())) {
                return new DryRunTarget(readUrl, dialect, Optional.empty()); // the real run would create it
            }
            throw e;
        }
        DryRunTarget target = new DryRunTarget(readUrl, dialect, hasOutboxTable(connection, readUrl)
                ? Optional.of(connection) : Optional.empty());
        if (target.connection.isEmpty()) {
            close(connection, readUrl);
        } else {
            SchemaCheck.refuseUnknownVersions(readUrl, dialect);
        }
        return target;
    }

    @Override
    public Set<UUID> present(Collection<UUID> ids) {
        if (connection.isEmpty()) {
            return Set.of();
        }
        try {
            return PresentIds.find(connection.get(), dialect, ids);
        } catch (SQLException e) {
            throw Connections.translate(e, url, "target");
        }
    }

    @Override
    public void recordQuarantine(java.util.Map<String, String> reasons) {
        // a dry run writes nothing
    }

    @Override
    public void write(List<OutboxEvent> events) {
        // a dry run writes nothing
    }

    @Override
    public String description() {
        return Connections.redacted(url);
    }

    @Override
    public void close() {
        connection.ifPresent(c -> close(c, url));
        DerbyDatabases.shutDown(url);
    }

    private static boolean hasOutboxTable(Connection connection, String url) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT id FROM outbox_event WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("42")) {
                rollBack(connection);
                return false;
            }
            throw Connections.translate(e, url, "target");
        }
    }

    private static void rollBack(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is closed next anyway
        }
    }

    private static void close(Connection connection, String url) {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            throw Connections.translate(e, url, "target");
        }
    }
}
