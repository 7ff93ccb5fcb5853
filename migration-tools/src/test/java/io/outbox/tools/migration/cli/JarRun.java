package io.outbox.tools.migration.cli;

import io.outbox.jpa.support.TestJvm;
import io.outbox.tools.migration.fixture.LegacyFixture;
import io.outbox.tools.migration.jdbc.DerbyDatabases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The built jar run as a separate process, as users run it, with {@link TestJvm}'s quick
 * start-up: stdout to a file, stderr read line by line as it comes (so a test can wait for a
 * line, with a deadline). Not thread-safe.
 */
public final class JarRun implements AutoCloseable {
    /**
     * What the jar's class-data archive is trained on: a migrate of a small legacy fixture on
     * Derby, which loads the store (EclipseLink, Flyway, Derby), the mapping and the JSON report;
     * some of the fixture's rows are quarantined, so it exits 1.
     */
    public static final TestJvm.Training TRAINING = new TestJvm.Training(JarRun::trainingArguments, 1);

    private final Process process;
    private final Path stdout;
    private final BlockingQueue<String> errLines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Thread reader;

    private JarRun(Process process, Path stdout) {
        this.process = process;
        this.stdout = stdout;
        this.reader = new Thread(this::readErr, "jar-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    /** The jar failsafe built (the {@code migration.jar} property), else target/migration-tools.jar. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("migration.jar", "target/migration-tools.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no jar at " + jar.toAbsolutePath() + "; run mvn package first");
        }
        return jar;
    }

    /** Starts the jar; {@code jvmOptions} are the test's own (a small heap, say), after {@link TestJvm}'s. */
    public static JarRun start(Path scratch, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(TestJvm.command(jar(), TRAINING, jvmOptions));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(scratch, "stdout-", ".txt");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            return new JarRun(process, out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    private static List<String> trainingArguments(Path scratch) {
        String store = "jdbc:derby:" + scratch.resolve("legacy");
        Databases.with(store + ";create=true", c -> LegacyFixture.write(c, LegacyFixture.Store.DERBY,
                "lume_outbox_v6", 100, 1));
        DerbyDatabases.shutDown(store);
        return List.of("migrate", "--source", store, "--report", scratch.resolve("report.json").toString());
    }

    /** Runs to the end (at most {@code timeout}) and returns its exit code. */
    public int await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the jar did not finish within " + timeout + "; stderr: " + err());
            }
            reader.join(timeout.toMillis());
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits until a stderr line matches, or the process ends, or the deadline passes. */
    public Optional<String> awaitErrLine(Predicate<String> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (Instant.now().isBefore(deadline)) {
                String line = errLines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && wanted.test(line)) {
                    return Optional.of(line);
                }
                if (line == null && !process.isAlive() && errLines.isEmpty()) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** SIGKILL: no shutdown hook, no clean close. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String out() {
        try {
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized String err() {
        return String.join("\n", seen);
    }

    private void readErr() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (this) {
                    seen.add(line);
                }
                errLines.add(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** Whether the process still runs. */
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
