package io.outbox.jpa;

import io.outbox.StoreLockedException;
import io.outbox.jpa.internal.DerbyServer;
import io.outbox.jpa.internal.ServerFile;
import io.outbox.jpa.internal.SharedDerby;
import io.outbox.jpa.internal.StoreCredential;
import io.outbox.jpa.support.HoldStore;
import io.outbox.jpa.support.ServeStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An embedded store served by the process that owns it, tried from this process over the
 * loopback as another of the owner's processes would: only with the store's credential, only
 * on 127.0.0.1, the secret kept in owner-only files and out of every output, and a killed
 * server's store served again by the next process.
 */
class DerbyServerIT {
    @TempDir
    Path dir;
    private final List<Process> servers = new ArrayList<>();

    @AfterEach
    void stopServers() throws InterruptedException {
        for (Process server : servers) {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void givenServedStore_whenAnotherProcessGivesTheCredential_thenItWorksOnTheStore() throws Exception {
        Path database = dir.resolve("store");
        serve(database);
        StoreCredential credential = StoreCredential.loadOrCreate(database);

        try (Connection client = client(database, credential.user(), credential.password());
             Statement statement = client.createStatement()) {
            statement.executeUpdate("INSERT INTO note VALUES ('from another process')");
            assertThat(count(statement)).isEqualTo(2);
        }
    }

    @Test
    void givenServedStore_whenAStoreOpensItByItsNetworkUrl_thenThatStoreIsNotExclusive() throws Exception {
        Path database = dir.resolve("store");
        serve(database);
        StoreCredential credential = StoreCredential.loadOrCreate(database);
        String networkUrl = DerbyServer.clientUrl(ServerFile.read(database).orElseThrow(), database);

        try (OutboxStore store = OutboxStore.open(StoreConfig.url(networkUrl)
                .withCredentials(credential.user(), credential.password()))) {
            assertThat(store.exclusive()).as("other processes may work on a store behind Derby's network server,"
                    + " so orphans come back by their leases, not all at once").isFalse();
        }
    }

    @Test
    void givenServedStore_whenConnectingWithoutTheCredential_thenRefused() throws Exception {
        Path database = dir.resolve("store");
        serve(database);
        StoreCredential credential = StoreCredential.loadOrCreate(database);

        assertThatThrownBy(() -> client(database, credential.user(), "guess").close())
                .isInstanceOf(SQLException.class).satisfies(e -> assertThat(((SQLException) e).getSQLState())
                        .isEqualTo("08004"));
        assertThatThrownBy(() -> client(database, "APP", "").close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(DerbyServer.clientUrl(ServerFile.read(database)
                .orElseThrow(), database)).close()).isInstanceOf(SQLException.class);
    }

    @Test
    void givenServedStore_whenItsSocketIsLookedUp_thenItListensOnLoopbackOnly() throws Exception {
        Path database = dir.resolve("store");
        int port = serve(database);

        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Files.readAllLines(Path.of(table)).stream().skip(1).map(String::trim).map(line -> line.split("\\s+"))
                    .filter(fields -> fields[1].endsWith(hexPort) && fields[3].equals("0A")) // 0A: LISTEN
                    .forEach(fields -> listening.add(fields[1].substring(0, fields[1].indexOf(':'))));
        }
        // 127.0.0.1, as an IPv4 socket or as an IPv4-mapped IPv6 one (Java's default on Linux)
        assertThat(listening).as("addresses listening on the server's port").isNotEmpty()
                .allMatch(address -> address.equals("0100007F") || address.equals("0000000000000000FFFF00000100007F"));
    }

    @Test
    void givenServedStore_whenItsFilesAndOutputAreRead_thenTheSecretIsOwnerOnlyAndNeverPrinted() throws Exception {
        Path database = dir.resolve("store");
        Process server = start(database);
        awaitServing(server);
        StoreCredential credential = StoreCredential.loadOrCreate(database);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(StoreCredential.fileOf(database))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ServerFile.fileOf(database))))
                .isEqualTo("rw-------");
        assertThat(credential.toString()).doesNotContain(credential.password());
        server.getOutputStream().close(); // stdin closed: the server stops and says nothing more
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String everything = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                + new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(everything).doesNotContain(credential.password());
        assertThat(ServerFile.fileOf(database)).as("a server that stopped removes its file").doesNotExist();
    }

    @Test
    void givenServerKilled_whenTheNextProcessNeedsTheStore_thenItServesItItselfWithTheDataKept() throws Exception {
        Path database = dir.resolve("store");
        Process first = start(database);
        int firstPort = awaitServing(first);
        first.destroyForcibly().waitFor(); // SIGKILL: its server file stays behind, stale
        assertThat(ServerFile.read(database)).map(ServerFile::port).contains(firstPort);

        int secondPort = serve(database);
        StoreCredential credential = StoreCredential.loadOrCreate(database);

        assertThat(ServerFile.read(database)).map(ServerFile::port).contains(secondPort);
        try (Connection client = client(database, credential.user(), credential.password());
             Statement statement = client.createStatement()) {
            assertThat(count(statement)).isEqualTo(1);
        }
    }

    @Test
    void givenLiveServer_whenAnotherProcessResolvesTheStore_thenItGoesThroughTheServer() throws Exception {
        Path database = dir.resolve("store");
        serve(database);
        StoreCredential credential = StoreCredential.loadOrCreate(database);

        SharedDerby.Route route = SharedDerby.resolve(database, credential, Duration.ofSeconds(5));

        assertThat(route.owner()).isFalse();
        assertThat(route.url()).startsWith("jdbc:derby://127.0.0.1:");
        try (Connection client = DriverManager.getConnection(route.url(), credential.user(), credential.password());
             Statement statement = client.createStatement()) {
            assertThat(count(statement)).isEqualTo(1);
        }
    }

    @Test
    void givenServerFileNamingAPortNobodyListensOn_whenResolved_thenThisProcessOwnsTheStore() throws Exception {
        Path database = dir.resolve("store");
        StoreCredential credential = StoreCredential.loadOrCreate(database);
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        new ServerFile(closed, 1, "stale").write(database);

        assertOwnedHere(database, credential);
    }

    @Test
    void givenServerFileNamingAPortAnotherProgramHolds_whenResolved_thenPassedOverAndThisProcessOwnsTheStore()
            throws Exception {
        Path database = dir.resolve("store");
        StoreCredential credential = StoreCredential.loadOrCreate(database);
        // accepts connections and never answers: the login must time out, not hang
        try (ServerSocket hijacker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            new ServerFile(hijacker.getLocalPort(), 1, "hijacked").write(database);

            assertOwnedHere(database, credential);
        }
    }

    @Test
    void givenStoreHeldByAProcessThatDoesNotServeIt_whenResolved_thenLockedWithWhatToDo() throws Exception {
        Path database = dir.resolve("store");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "-Dderby.stream.error.file=" + dir.resolve("derby.log"), HoldStore.class.getName(),
                StoreConfig.embedded(dir).jdbcUrl()).start();
        servers.add(holder);
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.startsWith("open ")) {
            line = out.readLine(); // the holder's log lines come first
        }
        assertThat(line).as("the holder has the store open").isNotNull();
        StoreCredential credential = StoreCredential.loadOrCreate(database);

        assertThatThrownBy(() -> SharedDerby.resolve(database, credential, Duration.ofMillis(500)))
                .isInstanceOf(StoreLockedException.class)
                .hasMessageContaining("is open in another process that does not serve it")
                .hasMessageNotContaining(credential.password());
    }

    private static void assertOwnedHere(Path database, StoreCredential credential) throws SQLException {
        createStore(database, credential);
        long started = System.nanoTime();
        SharedDerby.Route route = SharedDerby.resolve(database, credential, Duration.ofSeconds(5));
        try {
            assertThat(route.owner()).isTrue();
            assertThat(route.url()).isEqualTo("jdbc:derby:" + database);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time to pass the server file over")
                    .isLessThan(Duration.ofSeconds(10));
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true", credential.user(),
                        credential.password()).close();
            } catch (SQLException shutDown) {
                assertThat(shutDown.getSQLState()).isEqualTo("08006");
            }
        }
    }

    /** An existing store, shut down again, as {@code OutboxStore} makes it before it looks for a server. */
    private static void createStore(Path database, StoreCredential credential) throws SQLException {
        DriverManager.getConnection("jdbc:derby:" + database + ";create=true", credential.user(),
                credential.password()).close();
        try {
            DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true", credential.user(),
                    credential.password()).close();
        } catch (SQLException shutDown) {
            assertThat(shutDown.getSQLState()).isEqualTo("08006");
        }
    }

    private int serve(Path database) throws IOException {
        return awaitServing(start(database));
    }

    private Process start(Path database) throws IOException {
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "-Dderby.stream.error.file=" + dir.resolve("derby.log"), ServeStore.class.getName(),
                database.toString()).start();
        servers.add(server);
        return server;
    }

    private static int awaitServing(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine(); // blocks until the line comes or the process ends
        assertThat(line).as("the server's first line; stderr: %s", line == null
                ? new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8) : "").startsWith("serving ");
        return Integer.parseInt(line.substring("serving ".length()));
    }

    private static Connection client(Path database, String user, String password) throws SQLException {
        return DriverManager.getConnection(DerbyServer.clientUrl(ServerFile.read(database).orElseThrow(), database),
                user, password);
    }

    private static int count(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM note")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
