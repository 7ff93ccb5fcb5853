package io.outbox.jpa.reliability;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own (initdb and pg_ctl in a temp directory, on a free
 * loopback port), so a test may kill it with SIGKILL and start it again. As root, the server
 * runs as the {@code postgres} user (initdb refuses root). {@link #close()} stops it for good
 * and removes its files; {@link #survivors()} tells whether any of its processes outlived it.
 * Not thread-safe: one test drives it.
 */
final class PrivatePostgres implements AutoCloseable {
    private static final Path INSTALLS = Path.of("/usr/lib/postgresql");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;
    /** Every server process seen, so none can outlive the test unnoticed. */
    private final Set<Long> seenPids = new LinkedHashSet<>();
    private boolean running;
    private boolean closed;

    private PrivatePostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * Creates and starts a server. Without PostgreSQL binaries the test is skipped locally,
     * but fails when {@code CI=true}: CI must never pass by skipping.
     */
    static PrivatePostgres start() {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            String why = "no PostgreSQL installation with initdb under " + INSTALLS;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; it is required when CI=true");
            }
            Assumptions.abort(why);
        }
        try {
            Path dir = Files.createTempDirectory("private-pg");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                Files.setOwner(dir, FileSystems.getDefault().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres"));
            }
            PrivatePostgres server = new PrivatePostgres(bin.get(), dir, freePort(), root);
            server.initdb();
            server.startAgain();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest installed version's bin directory, e.g. {@code /usr/lib/postgresql/15/bin}. */
    private static Optional<Path> binaries() {
        if (!Files.isDirectory(INSTALLS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLS)) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Trust logins as {@code postgres}, the database {@code postgres}. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&connectTimeout=5";
    }

    private void initdb() throws IOException {
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres",
                "--no-sync", "-E", "UTF8", "--locale=C"));
        // Only the server process dies, never the OS, so what a commit wrote to the kernel survives:
        // fsync can go. Commits stay synchronous: an acknowledged commit must survive the kill.
        // No Unix socket, so nothing is shared with the system's server.
        Files.writeString(data.resolve("postgresql.conf"), "\nport = " + port + "\nlisten_addresses = '127.0.0.1'\n"
                + "unix_socket_directories = ''\nfsync = off\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Starts the server (after {@link #kill()}: with crash recovery) and waits until it accepts connections. */
    void startAgain() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "start"));
        running = true;
        seenPids.addAll(serverPids());
    }

    /**
     * SIGKILLs the postmaster and every one of its children at once, as when the server's
     * machine or container dies, and waits until they are gone.
     */
    void kill() {
        List<ProcessHandle> processes = serverProcesses();
        processes.forEach(p -> seenPids.add(p.pid()));
        processes.forEach(ProcessHandle::destroyForcibly);
        running = false;
        awaitGone(processes.stream().map(ProcessHandle::pid).toList());
    }

    /** Server processes still alive: empty after {@link #close()}, or a process leaked. */
    List<Long> survivors() {
        return seenPids.stream().filter(PrivatePostgres::exists).toList();
    }

    /** The postmaster and its children, from the pid file. */
    private List<ProcessHandle> serverProcesses() {
        List<ProcessHandle> all = new ArrayList<>();
        postmasterPid().flatMap(ProcessHandle::of).ifPresent(postmaster -> {
            all.add(postmaster);
            postmaster.descendants().forEach(all::add);
        });
        return all;
    }

    private List<Long> serverPids() {
        return serverProcesses().stream().map(ProcessHandle::pid).toList();
    }

    private Optional<Long> postmasterPid() {
        try {
            Path pidFile = data.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().map(String::trim)
                    .filter(s -> s.matches("\\d+")).map(Long::parseLong);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A killed process stays in /proc until it is reaped; PostgreSQL refuses to start while it is there. */
    private static boolean exists(long pid) {
        return Files.exists(Path.of("/proc", Long.toString(pid)));
    }

    private static void awaitGone(List<Long> pids) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (pids.stream().anyMatch(PrivatePostgres::exists)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("server processes " + pids + " did not die within 20 s");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops the server for good (immediate shutdown, SIGKILL for anything left) and deletes its files. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (running) {
                seenPids.addAll(serverPids());
                try {
                    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                            "-t", "20", "stop"));
                } catch (RuntimeException stopFailed) {
                    // killed below
                }
            }
            seenPids.stream().filter(PrivatePostgres::exists).forEach(pid -> ProcessHandle.of(pid)
                    .ifPresent(ProcessHandle::destroyForcibly));
            awaitGone(List.copyOf(seenPids));
        } finally {
            running = false;
            deleteRecursively(dir);
        }
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path out = dir.resolve("command.out");
        try {
            Process process = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + COMMAND_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ": "
                        + Files.readString(out, StandardCharsets.UTF_8) + serverLogTail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String serverLogTail() {
        try {
            Path log = dir.resolve("server.log");
            if (!Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\nserver log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
