package com.lume.reliability;

import com.lume.support.LumeJar;
import io.outbox.jpa.support.JarProcess;
import io.outbox.jpa.support.TestJvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * lume-app.jar run as a separate process the way a shell runs it, for the reliability campaigns.
 * Every argument is handed over as raw bytes: each is written to a file and read back by bash into
 * argv, so bytes that are not UTF-8 reach the JVM exactly as a terminal would send them. The
 * locale is C.UTF-8 and the working directory is the caller's (a relative {@code --data-dir}
 * lands there). The JVM starts as {@link TestJvm} starts it: the same code runs, in about half
 * the start-up time. Thread-safe.
 */
final class LumeProcess {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String READ_ARGS = "args=(); for f in \"$@\"; do IFS= read -r -d '' v < \"$f\";"
            + " args+=(\"$v\"); done; exec \"${args[@]}\"";

    private LumeProcess() {
    }

    /** The argument as UTF-8, the way a UTF-8 terminal sends typed text. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<byte[]> utf8(List<String> args) {
        return args.stream().map(LumeProcess::utf8).toList();
    }

    /** Runs the jar with {@code args} in {@code workDir}; {@code env} is added to a clean environment. */
    static JarProcess.Result run(Path workDir, Map<String, String> env, List<byte[]> args) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("lume-argv");
            List<String> command = new ArrayList<>(List.of("bash", "-c", READ_ARGS, "lume-app"));
            List<byte[]> argv = new ArrayList<>(utf8(TestJvm.command(LumeJar.JAR, TestJvm.Training.APP_STORE,
                    List.of())));
            argv.addAll(args);
            for (int i = 0; i < argv.size(); i++) {
                Path file = scratch.resolve("arg" + i);
                Files.write(file, argv.get(i));
                command.add(file.toString());
            }
            Path out = scratch.resolve("stdout");
            Path err = scratch.resolve("stderr");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("LUME_") || k.startsWith("FITIQ_")
                    || k.startsWith("LC_") || k.equals("LANG"));
            builder.environment().put("LC_ALL", "C.UTF-8");
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("lume-app did not finish within " + TIMEOUT + "; stderr: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new JarProcess.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    /** Runs plain text arguments. */
    static JarProcess.Result run(Path workDir, Map<String, String> env, String... args) {
        return run(workDir, env, utf8(List.of(args)));
    }

    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException leftBehind) {
            // a temporary directory
        }
    }
}
