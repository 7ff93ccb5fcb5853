package io.outbox.jpa.internal;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Wakes this process when any process writes outbox events to a shared embedded store: a
 * dedicated connection waits in the store's {@code outbox_await_write} function (Derby
 * migration V3, {@link DerbyWrites}), which returns as soon as the insert trigger counts a
 * write in the JVM that has the store booted, wherever the writer runs. The wait is short, so
 * closing never waits long, and a connection lost with its owner is made again through the
 * shared source; it wakes once after each reconnect, since writes may have passed unseen.
 * Polling stays the fallback. Owns its thread and connection; thread-safe.
 */
public final class DerbyWakeUps extends WakeUpThread {
    private static final int WAIT_MILLIS = 500;

    private final DataSource source;
    private final Runnable onWrite;
    private boolean first = true;

    /** Waits on {@code source} for events written by anyone and runs {@code onWrite} after each; start it to begin. */
    public DerbyWakeUps(DataSource source, Runnable onWrite) {
        super("outbox-derby-wakeups", 200, 2L * WAIT_MILLIS + 500, false);
        this.source = source;
        this.onWrite = onWrite;
        start();
    }

    @Override
    protected void listenOnce() throws SQLException {
        try (Connection connection = source.getConnection();
             PreparedStatement await = connection.prepareStatement("VALUES outbox_await_write(?, ?)")) {
            long seen = await(await, Long.MIN_VALUE, 0);
            listening(true);
            if (!first) {
                onWrite.run(); // writes may have passed while the connection was down
            }
            first = false;
            while (running()) {
                long now = await(await, seen, WAIT_MILLIS);
                if (now != seen) {
                    seen = now;
                    onWrite.run();
                }
            }
        }
    }

    private static long await(PreparedStatement await, long seen, int millis) throws SQLException {
        await.setLong(1, seen);
        await.setInt(2, millis);
        try (ResultSet rows = await.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
