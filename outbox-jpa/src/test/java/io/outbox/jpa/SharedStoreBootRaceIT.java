package io.outbox.jpa;

import io.outbox.jpa.internal.StoreCredential;
import io.outbox.jpa.support.BootRace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Processes that open one shared embedded store at the same moment, as commands started
 * together do: Derby's own lock lets two of them boot it at once when it was shut down cleanly
 * just before (seen in 3 of 15 rounds of four JVMs), and two engines on one store corrupt it. The
 * store's owner lock lets one boot it at a time: the others go through its server or find it
 * locked, and every row each process wrote is there after.
 */
class SharedStoreBootRaceIT {
    private static final int PROCESSES = 4;
    private static final int ROUNDS = 10;
    private static final long PERIOD_MILLIS = 1_200;

    @TempDir
    Path dir;

    @Test
    void givenProcessesOpeningAStoreAtTheSameMoment_whenEachWrites_thenOneOwnsItAtATimeAndNoWriteIsLost()
            throws Exception {
        Path database = dir.resolve("store");
        StoreCredential credential = StoreCredential.loadOrCreate(database);
        createStore(database, credential);
        long first = System.currentTimeMillis() + 3_000; // after every JVM has started
        List<Process> racers = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            racers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    "-Dderby.stream.error.file=" + dir.resolve("derby-" + i + ".log"), BootRace.class.getName(),
                    database.toString(), Long.toString(first), Integer.toString(ROUNDS),
                    Long.toString(PERIOD_MILLIS)).redirectError(dir.resolve("racer-" + i + ".err").toFile()).start());
        }
        List<String> said = new ArrayList<>();
        for (Process racer : racers) {
            said.addAll(new String(racer.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            assertThat(racer.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(racer.exitValue()).as("a racer's exit; it said %s", said).isZero();
        }

        List<long[]> owned = said.stream().filter(l -> l.startsWith("owner ")).map(l -> l.split(" "))
                .map(f -> new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])}).toList();
        assertThat(owned).as("rounds owned; all said: %s", said).hasSizeGreaterThanOrEqualTo(ROUNDS);
        for (int i = 0; i < owned.size(); i++) {
            for (int j = i + 1; j < owned.size(); j++) {
                long[] a = owned.get(i);
                long[] b = owned.get(j);
                assertThat(a[1] <= b[0] || b[1] <= a[0]).as("two processes had the store booted at once: %s-%s and"
                        + " %s-%s; all said: %s", a[0], a[1], b[0], b[1], said).isTrue();
            }
        }
        assertThat(said).noneMatch(l -> l.startsWith("failed "));
        long wrote = said.stream().filter(l -> l.startsWith("wrote ")).count();
        assertThat(rowsAfterCheck(database, credential)).as("rows in the store, its table checked").isEqualTo(wrote);
    }

    private static void createStore(Path database, StoreCredential credential) throws SQLException {
        String url = "jdbc:derby:" + database;
        try (Connection connection = DriverManager.getConnection(url + ";create=true", credential.user(),
                credential.password()); Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE APP.note (text VARCHAR(100))");
            statement.executeUpdate("CREATE INDEX APP.note_text ON APP.note (text)");
        }
        shutDown(url, credential);
    }

    /** The number of rows, after Derby has checked the table against its indexes. */
    private static long rowsAfterCheck(Path database, StoreCredential credential) throws SQLException {
        String url = "jdbc:derby:" + database;
        try (Connection connection = DriverManager.getConnection(url, credential.user(), credential.password());
             CallableStatement check = connection.prepareCall("VALUES SYSCS_UTIL.SYSCS_CHECK_TABLE('APP', 'NOTE')");
             Statement statement = connection.createStatement()) {
            try (ResultSet checked = check.executeQuery()) {
                checked.next();
                assertThat(checked.getInt(1)).as("the table agrees with its index").isEqualTo(1);
            }
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM APP.note")) {
                rows.next();
                return rows.getLong(1);
            }
        } finally {
            shutDown(url, credential);
        }
    }

    private static void shutDown(String url, StoreCredential credential) throws SQLException {
        DerbyCreation.shutDown(url, credential.user(), credential.password());
    }
}
