package com.fitiq.e2e;

import io.outbox.jpa.internal.ServerFile;
import io.outbox.jpa.support.JarProcess;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar as users start it, {@code java -jar fitiq-app.jar ...} with no JVM flag: the command
 * runs again in a child JVM that maps a class-data archive (made by a training run in the
 * background after the first command, kept in the user's cache), and nothing else changes. A killed launcher takes its child with it; SIGTERM
 * reaches the child as the app's stop request. (The other tests start the jar with their own
 * archive, which keeps quick start out of the way.)
 */
class FitiqQuickStartIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** One archive for the class, made by its first run, as one user's cache would be. */
    @TempDir
    static Path cache;
    @TempDir
    Path dir;

    @Test
    void givenPlainJavaJar_whenRunTwice_thenTheFirstStartsTheTrainingAndBothAnswerAsUsual() throws Exception {
        Ran first = run("progress", "add", "--type", "weight", "--quantity", "71");
        awaitTrainingDone();
        Ran second = run("progress", "list");

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.out().lines().toList()).singleElement().asString().matches("[0-9a-f-]{36}");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.err()).isEmpty();
        // the training ran on a scratch store of its own: the user's store holds the user's entry alone
        assertThat(second.out().lines().toList()).singleElement().asString().contains(first.out().trim())
                .contains("weight 71 kg");
        assertThat(cacheFiles()).as("one archive, and no part file, marker or scratch store left")
                .singleElement().asString().endsWith(".jsa");
    }

    /** A test that ends while the background training runs would delete the cache under it. */
    @AfterAll
    static void awaitTrainingDone() {
        JarProcess.await("the quick-start training done", TIMEOUT,
                () -> cacheFiles().stream().anyMatch(n -> n.endsWith(".jsa"))
                        && cacheFiles().stream().noneMatch(n -> n.endsWith(".training") || n.startsWith("training-")));
    }

    /** The cache's files, but the lock every trainer takes. */
    private static List<String> cacheFiles() {
        Path folder = cache.resolve("fitiq-app");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void givenQuickStartedSyncWatch_whenItsLauncherIsKilled_thenTheSyncGoesToo_andTheStoreServesTheNext()
            throws Exception {
        try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(FitiqCli.TOKEN))) {
            Process launcher = start("sync", "--api", backend.baseUri().toString(), "--watch");
            ProcessHandle child = awaitServingChild(launcher);

            launcher.destroyForcibly().waitFor();

            assertThat(child.onExit().get(1, TimeUnit.MINUTES).isAlive()).isFalse();
            Ran after = run("progress", "list");
            assertThat(after.exit()).as(after.err()).isZero();
        }
    }

    @Test
    void givenQuickStartedSyncWatch_whenSigtermed_thenItStopsCleanlyWithItsSummary() throws Exception {
        try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(FitiqCli.TOKEN))) {
            Process launcher = start("sync", "--api", backend.baseUri().toString(), "--watch");
            ProcessHandle child = awaitServingChild(launcher);
            assertThat(run("progress", "add", "--type", "weight", "--quantity", "72").exit()).isZero();
            // delivered: the sync is watching, its stop request installed
            JarProcess.await("the change delivered", TIMEOUT, () -> !backend.journal().isEmpty());

            launcher.destroy();

            assertThat(launcher.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(launcher.exitValue()).as(read("sync.err")).isZero();
            assertThat(read("sync.out").lines().toList()).last().asString().isEqualTo("delivered 1, failed 0, pending 0");
            assertThat(child.isAlive()).isFalse();
        }
    }

    /** The child that serves the store: the server file names a process other than the launcher. */
    private ProcessHandle awaitServingChild(Process launcher) {
        Path database = dir.resolve("data").resolve("store");
        JarProcess.await("the quick-started sync serving the store", TIMEOUT, () -> {
            assertThat(launcher.isAlive()).as("the launcher runs; stderr: %s", read("sync.err")).isTrue();
            return ServerFile.read(database).filter(f -> f.pid() != launcher.pid()).isPresent();
        });
        long pid = ServerFile.read(database).orElseThrow().pid();
        Optional<ProcessHandle> child = ProcessHandle.of(pid);
        assertThat(child).as("the serving process").isPresent();
        assertThat(child.get().parent().map(ProcessHandle::pid)).contains(launcher.pid());
        return child.get();
    }

    private record Ran(int exit, String out, String err) {
    }

    private Ran run(String... args) throws Exception {
        Path out = dir.resolve("run.out");
        Path err = dir.resolve("run.err");
        Process process = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)).as("finished").isTrue();
        return new Ran(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Process start(String... args) throws IOException {
        return builder(args).redirectOutput(dir.resolve("sync.out").toFile())
                .redirectError(dir.resolve("sync.err").toFile()).start();
    }

    /** Plain {@code java -jar}, as a user types it; the archive goes to a cache of this test's own. */
    private ProcessBuilder builder(String... args) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", FitiqCli.JAR.toString(), "--data-dir", dir.resolve("data").toString(), "--user", "alice"));
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().keySet().removeIf(k -> k.startsWith("FITIQ_") || k.startsWith("OUTBOX_")
                || k.endsWith("JAVA_OPTIONS") || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().put("FITIQ_API_TOKEN", FitiqCli.TOKEN);
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        return builder;
    }

    private String read(String name) {
        try {
            Path file = dir.resolve(name);
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
