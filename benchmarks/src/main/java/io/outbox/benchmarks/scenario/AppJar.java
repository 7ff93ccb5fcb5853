package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.harness.BenchmarkException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * fitiq-app.jar run as a user runs it (plain {@code java -jar}, no flag, the quick start on), as
 * user {@value #USER} with the API token {@value #TOKEN}, with the run's own user cache
 * ({@code XDG_CACHE_HOME}) under {@code workDir}. Immutable; each call starts its own process.
 *
 * @param workDir where the processes run, their output files and the cache live
 * @param java    the {@code java} launcher of this JVM
 * @param jar     the app jar
 */
record AppJar(Path workDir, Path java, Path jar) {
    static final String USER = "bench";
    static final String TOKEN = "bench-token";
    static final String CACHE = "cache";
    private static final long TIMEOUT_MINUTES = 5;

    /** The fitiq-app jar of the run, in a new work directory named after {@code scenario}; fails when it is not built. */
    static AppJar fitiq(RunContext context, String scenario) throws IOException {
        Path jar = context.cliJars().fitiq().toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new BenchmarkException(scenario + ": no " + jar + "; build it with `" + CliScenario.BUILD_COMMAND
                    + "`");
        }
        Path dir = context.workDir().resolve(scenario + "-" + UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath();
        Files.createDirectories(dir);
        return new AppJar(dir, Path.of(System.getProperty("java.home"), "bin", "java"), jar);
    }

    /** Runs one command on a training store and waits for the quick start's archive it leaves behind. */
    void train() {
        run(List.of("--data-dir", workDir.resolve("training-store").toString(), "progress", "list"));
        CliScenario.awaitArchives(workDir.resolve(CACHE), List.of("fitiq-app"));
    }

    /** Runs the jar with {@code words}; gives its stdout, or fails unless it exits 0 within 5 minutes. */
    String run(List<String> words) {
        String name = "run-" + UUID.randomUUID().toString().substring(0, 8);
        Process process = start(words, name);
        Path out = workDir.resolve(name + ".out");
        Path err = workDir.resolve(name + ".err");
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new BenchmarkException("`" + shown(words) + "` still running after " + TIMEOUT_MINUTES + " min");
            }
            if (process.exitValue() != 0) {
                throw new BenchmarkException("`" + shown(words) + "` exited " + process.exitValue() + "; stderr: "
                        + Files.readString(err).strip());
            }
            String stdout = Files.readString(out);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return stdout;
        } catch (IOException e) {
            throw new BenchmarkException("cannot read the output of `" + shown(words) + "`: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted while `" + shown(words) + "` ran", e);
        }
    }

    /** Starts the jar with {@code words} in the background, its output in {@code <name>.out} and {@code <name>.err}. */
    Process start(List<String> words, String name) {
        List<String> line = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString(), "--user", USER));
        line.addAll(words);
        ProcessBuilder builder = new ProcessBuilder(line).directory(workDir.toFile())
                .redirectOutput(workDir.resolve(name + ".out").toFile())
                .redirectError(workDir.resolve(name + ".err").toFile());
        List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS").forEach(builder.environment()::remove);
        builder.environment().keySet().removeIf(k -> k.startsWith("FITIQ_"));
        builder.environment().put("XDG_CACHE_HOME", workDir.resolve(CACHE).toString());
        builder.environment().put("FITIQ_API_TOKEN", TOKEN);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new BenchmarkException("cannot run `" + shown(words) + "`: " + e.getMessage(), e);
        }
    }

    private String shown(List<String> words) {
        return "java -jar " + jar.getFileName() + " " + String.join(" ", words);
    }
}
