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

    private final String url;
    private final Properties credentials;
    private final String channel;
    private final String ownId;
    private final Runnable onNotification;

    /** Notifications whose payload is {@code ownId} came from this store itself and are ignored. */
    public PgWakeUps(String url, Properties credentials, String channel, String ownId, Runnable onNotification) {
        super("outbox-pg-listen", 1000, 2000, true);
        this.url = url;
        this.channel = channel;
        this.ownId = ownId;
        this.credentials = credentials;
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
        try (Connection connection = DriverManager.getConnection(url, credentials)) {
            try (Statement s = connection.createStatement()) {
                s.execute("LISTEN " + channel);
            }
            listening(true);
            PGConnection pg = connection.unwrap(PGConnection.class);
            while (running()) {
                PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                if (notifications != null && java.util.Arrays.stream(notifications)
                        .anyMatch(n -> !ownId.equals(n.getParameter()))) {
                    onNotification.run();
                }
            }
        }
    }
}
