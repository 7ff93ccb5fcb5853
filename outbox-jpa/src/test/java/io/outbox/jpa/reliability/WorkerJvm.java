package io.outbox.jpa.reliability;

import io.outbox.jpa.support.JarProcess;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@link DrainWorker} in a JVM of its own, started from the test's class path: its stdin
 * for commands, its stdout and stderr in files (a chatty worker never blocks). Not thread-safe.
 */
final class WorkerJvm implements AutoCloseable {
    private final String owner;
    private final Process process;
    private final Writer stdin;
    private final Path stdout;
    private final Path stderr;

    private WorkerJvm(String owner, Process process, Path stdout, Path stderr) {
        this.owner = owner;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts a worker on {@code url} that POSTs to {@code api} with {@code token}; see {@link DrainWorker}. */
    static WorkerJvm start(String url, String owner, Duration lease, int batch, int concurrency, URI api,
                           String token) {
        try {
            Path out = Files.createTempFile("drain-worker-" + owner, ".out");
            Path err = Files.createTempFile("drain-worker-" + owner, ".err");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    DrainWorker.class.getName(), url, owner, Long.toString(lease.toMillis()), Integer.toString(batch),
                    Integer.toString(concurrency), api.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put(DrainWorker.TOKEN_VARIABLE, token);
            return new WorkerJvm(owner, builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String owner() {
        return owner;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the worker has said a line starting with {@code prefix}. */
    void awaitLine(String prefix, Duration timeout) {
        JarProcess.await("worker " + owner + " saying '" + prefix + "'", timeout,
                () -> stdoutLines().stream().anyMatch(l -> l.startsWith(prefix)) || failFast());
        if (!process.isAlive() && stdoutLines().stream().noneMatch(l -> l.startsWith(prefix))) {
            throw new AssertionError("worker " + owner + " exited " + process.exitValue() + " before saying '"
                    + prefix + "': " + output());
        }
    }

    private boolean failFast() {
        return !process.isAlive();
    }

    void send(String command) {
        try {
            stdin.write(command + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("worker " + owner + " no longer reads its commands", e);
        }
    }

    /** Tells the worker to stop and waits for its exit code. */
    int stop(Duration timeout) {
        send("stop");
        try {
            stdin.close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("worker " + owner + " did not stop within " + timeout + ": " + output());
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** SIGKILL, and waits until it is gone. */
    void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    List<String> stdoutLines() {
        return read(stdout).lines().toList();
    }

    /** Everything it printed, for failure messages and for what must never appear. */
    String output() {
        return read(stdout) + read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        try {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
