package io.outbox.jpa.support;

import io.outbox.StoreLockedException;
import io.outbox.jpa.internal.DerbyServer;
import io.outbox.jpa.internal.SharedDerbySource;
import io.outbox.jpa.internal.StoreCredential;
import io.outbox.jpa.support.cli.Say;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * One of several processes that take a shared embedded store at the same moments, for tests.
 * args: the database (made, with table {@code note}, by the parent), the first round's start
 * (epoch ms), the number of rounds and the ms between rounds. At each round's start it opens the
 * store as every command does ({@link SharedDerbySource}), writes
 * one row, holds the store a while when it owns it, and closes it. It says
 * {@code owner ROUND FROM TO} (epoch ms, the store booted here throughout), {@code wrote ROUND}
 * and {@code locked ROUND} on stdout.
 */
public final class BootRace {
    private static final long HOLD_MILLIS = 150;
    /** As a command waits for an owner that is starting or closing. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private BootRace() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path database = Path.of(args[0]).toAbsolutePath();
        long first = Long.parseLong(args[1]);
        int rounds = Integer.parseInt(args[2]);
        long period = Long.parseLong(args[3]);
        DerbyServer.requireAuthentication();
        StoreCredential credential = StoreCredential.loadOrCreate(database);
        DerbyServer.allow(credential);
        for (int round = 0; round < rounds; round++) {
            long start = first + round * period;
            while (System.currentTimeMillis() < start) {
                Thread.onSpinWait(); // the processes must boot within microseconds of each other
            }
            SharedDerbySource source;
            try {
                source = SharedDerbySource.acquire(database, credential, PATIENCE);
            } catch (StoreLockedException taken) {
                Say.line("locked " + round);
                continue;
            }
            try {
                write(source, round);
                if (source.owner()) {
                    long from = System.currentTimeMillis();
                    Thread.sleep(HOLD_MILLIS); // a window in which a second engine on the store would show
                    Say.line("owner " + round + " " + from + " " + System.currentTimeMillis());
                }
            } catch (SQLException e) {
                Say.line("failed " + round + " " + e.getSQLState());
            } finally {
                source.release();
            }
        }
    }

    private static void write(SharedDerbySource source, int round) throws SQLException {
        try (Connection connection = source.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO note VALUES (?)")) {
            insert.setString(1, ProcessHandle.current().pid() + "/" + round);
            insert.executeUpdate();
        }
        Say.line("wrote " + round);
    }
}
