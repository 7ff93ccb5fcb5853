package com.lume.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outbox.jpa.support.JarProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built lume-app.jar, run as users run it: one process per command, against one store, as
 * one user. Commands may run side by side ({@link #runAll}), on a PostgreSQL store or on an
 * embedded one (the first process serves it to the others). Immutable.
 */
public final class LumeJar {
    public static final Path JAR = Path.of("target", "lume-app.jar");
    public static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> store;
    private final Map<String, String> env;

    private LumeJar(List<String> store, Map<String, String> env) {
        assertThat(JAR).as("run after 'package': the ITs use the built jar").exists();
        this.store = List.copyOf(store);
        this.env = Map.copyOf(env);
    }

    /** The jar on an embedded store in {@code dataDir}. */
    public static LumeJar onDataDir(Path dataDir) {
        return new LumeJar(List.of("--data-dir", dataDir.toString()), Map.of());
    }

    /** The jar on a JDBC URL (a PostgreSQL schema, say). */
    public static LumeJar onDbUrl(String url) {
        return new LumeJar(List.of("--db-url", url), Map.of());
    }

    /** The same store with {@code LUME_USER} set. */
    public LumeJar as(String user) {
        return withEnv("LUME_USER", user);
    }

    public LumeJar withEnv(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(env);
        more.put(name, value);
        return new LumeJar(store, more);
    }

    public JarProcess.Result run(String... args) {
        return JarProcess.run(JAR, env, TIMEOUT, command(args));
    }

    /** Runs and requires exit 0, returning stdout. */
    public String ok(String... args) {
        JarProcess.Result result = run(args);
        assertThat(result.exitCode()).as("exit of %s; stderr: %s", String.join(" ", args), result.stderr())
                .isZero();
        return result.stdout();
    }

    /** Runs every command (arguments after the store options) three at a time; results in the order given. */
    public List<JarProcess.Result> runAll(List<String[]> commands) {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<JarProcess.Result>> futures = new ArrayList<>();
            commands.forEach(args -> futures.add(pool.submit(() -> run(args))));
            List<JarProcess.Result> results = new ArrayList<>();
            for (Future<JarProcess.Result> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Starts the jar in the background, output to files in {@code dir}. */
    public Process start(Path stdout, Path stderr, String... args) {
        return JarProcess.start(JAR, env, stdout, stderr, command(args));
    }

    private String[] command(String... args) {
        List<String> all = new ArrayList<>(store);
        all.addAll(List.of(args));
        return all.toArray(new String[0]);
    }

    public List<Map<String, Object>> jsonArray(String... args) {
        return parse(ok(args), new TypeReference<>() {
        });
    }

    public static <T> T parse(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not the JSON expected: " + json, e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
