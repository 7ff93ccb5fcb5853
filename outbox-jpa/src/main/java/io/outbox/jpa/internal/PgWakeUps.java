package io.outbox.jpa.internal;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Wakes this process when another one commits outbox events to a shared PostgreSQL store:
 * a dedicated connection LISTENs on the channel the writers NOTIFY in their transaction.
 * Polling stays the fallback, so a missed notification (connection lost) only delays an
 * event to the next poll. Owns its thread and connection; thread-safe.
 */
public final class PgWakeUps extends WakeUpThread {
    private static final int WAIT_MILLIS = 500;
    private static final int MAX_IDENTIFIER = 63;

    private final ConnectionSource connections;
    private final String channel;
    private final String ownId;
    private final Runnable onNotification;

    /** Where the listening connection comes from. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** Listens on a connection of its own to {@code url}; the store's pool never lends it. */
    public PgWakeUps(String url, Properties credentials, String channel, String ownId, Runnable onNotification) {
        this(() -> DriverManager.getConnection(url, credentials), channel, ownId, onNotification);
    }

    /**
     * Listens on a connection of {@code connections} (a caller's pool lends it for as long as
     * the listener runs). Notifications whose payload is {@code ownId} came from this store
     * itself and are ignored.
     */
    public PgWakeUps(ConnectionSource connections, String channel, String ownId, Runnable onNotification) {
        super("outbox-pg-listen", 1000, 2000, true);
        this.connections = connections;
        this.channel = channel;
        this.ownId = ownId;
        this.onNotification = onNotification;
        start();
    }

    /**
     * The channel of the store's schema: {@code outbox_events_<schema>}, as a safe identifier of at
     * most 63 characters (PostgreSQL's limit); the insert trigger of migration V3 names it alike.
     */
    public static String channelOf(javax.sql.DataSource pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rows = s.executeQuery("SELECT current_schema()")) {
            String schema = rows.next() && rows.getString(1) != null ? rows.getString(1) : "public";
            String channel = "outbox_events_" + schema.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            return channel.length() <= MAX_IDENTIFIER ? channel : channel.substring(0, MAX_IDENTIFIER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the current schema: " + e.getMessage(), e);
        }
    }

    @Override
    protected void listenOnce() throws SQLException {
        try (Connection connection = connections.open()) {
            // LISTEN takes effect at commit, and notifications wait while a transaction is open
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("LISTEN " + channel);
            }
            try {
                listen(connection.unwrap(PGConnection.class));
            } finally {
                unlisten(connection);
            }
        }
    }

    private void listen(PGConnection pg) throws SQLException {
        listening(true);
        while (running()) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications != null && java.util.Arrays.stream(notifications)
                    .anyMatch(n -> !ownId.equals(n.getParameter()))) {
                onNotification.run();
            }
        }
    }

    /**
     * A pooled connection goes back to its pool still listening otherwise, and its driver would
     * gather every later notification that nobody reads.
     */
    private static void unlisten(Connection connection) {
        try (Statement s = connection.createStatement()) {
            s.execute("UNLISTEN *");
        } catch (SQLException lost) {
            // a lost connection listens no more either
        }
    }
}
