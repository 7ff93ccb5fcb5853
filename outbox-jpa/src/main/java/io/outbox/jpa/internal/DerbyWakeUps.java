package io.outbox.jpa.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public final class DerbyWakeUps implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DerbyWakeUps.class);
    private static final int WAIT_MILLIS = 500;
    private static final long RECONNECT_PAUSE_MILLIS = 200;

    private final DataSource source;
    private final Runnable onWrite;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;

    public DerbyWakeUps(DataSource source, Runnable onWrite) {
        this.source = source;
        this.onWrite = onWrite;
        this.thread = new Thread(this::listen, "outbox-derby-wakeups");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Whether the waiting connection is up (for tests and health). */
    public boolean listening() {
        return listening;
    }

    private void listen() {
        boolean first = true;
        while (running) {
            try (Connection connection = source.getConnection();
                 PreparedStatement await = connection.prepareStatement("VALUES outbox_await_write(?, ?)")) {
                long seen = await(await, Long.MIN_VALUE, 0);
                listening = true;
                if (!first) {
                    onWrite.run();
                }
                first = false;
                while (running) {
                    long now = await(await, seen, WAIT_MILLIS);
                    if (now != seen) {
                        seen = now;
                        onWrite.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    log.debug("the wake-up connection was lost ({}); polling covers until it is back", e.getMessage());
                    pause();
                }
            }
        }
        listening = false;
    }

    private static long await(PreparedStatement await, long seen, int millis) throws SQLException {
        await.setLong(1, seen);
        await.setInt(2, millis);
        try (ResultSet rows = await.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2L * WAIT_MILLIS + 500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
