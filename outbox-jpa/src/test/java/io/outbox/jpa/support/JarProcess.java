package io.outbox.jpa.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a built jar as a separate process, the way users run it, for end-to-end tests:
 * its exit code, stdout and stderr. Output goes to files, so a chatty process never blocks.
 */
public final class JarProcess {
    private JarProcess() {
    }

    /** What a finished run printed and how it exited. */
    public record Result(int exitCode, String stdout, String stderr) {
        public List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        /** Everything printed, for assertions about what must never appear. */
        public String everything() {
            return stdout + stderr;
        }
    }

    /** Runs an app jar (fitiq-app, lume-app), its {@link TestJvm} archive trained on {@code APP_STORE}. */
    public static Result run(Path jar, Map<String, String> env, Duration timeout, String... args) {
        return run(jar, TestJvm.Training.APP_STORE, env, timeout, args);
    }

    /** Runs any jar, its {@link TestJvm} archive trained on {@code training}. */
    public static Result run(Path jar, TestJvm.Training training, Map<String, String> env, Duration timeout,
                             String... args) {
        try {
            Path out = Files.createTempFile("jar-out", ".txt");
            Path err = Files.createTempFile("jar-err", ".txt");
            Process process = start(jar, training, env, out, err, args);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("'" + String.join(" ", args) + "' did not finish within " + timeout
                        + "; stderr: " + Files.readString(err, StandardCharsets.UTF_8));
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Starts an app jar in the background, as {@code run} runs it; the caller waits for or kills it. */
    public static Process start(Path jar, Map<String, String> env, Path stdout, Path stderr, String... args) {
        return start(jar, TestJvm.Training.APP_STORE, env, stdout, stderr, args);
    }

    private static Process start(Path jar, TestJvm.Training training, Map<String, String> env, Path stdout,
                                 Path stderr, String... args) {
        List<String> command = new ArrayList<>(TestJvm.command(jar, training, List.of()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("FITIQ_") || k.startsWith("LUME_"));
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code condition} until it holds, failing after {@code timeout}: for waiting on another process. */
    public static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
