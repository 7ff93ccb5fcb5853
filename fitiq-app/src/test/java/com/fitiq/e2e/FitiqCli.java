package com.fitiq.e2e;

import io.outbox.jpa.support.JarProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built fitiq-app.jar, run as users run it: one store (a data directory or a URL), one user, one token.
 * Public for the reliability campaigns (its jar and token).
 */
public final class FitiqCli {
    public static final Path JAR = Path.of("target", "fitiq-app.jar");
    public static final String TOKEN = "test-token-5f1c9a";

    private final List<String> storeArgs;
    private final Map<String, String> env = new HashMap<>();

    private FitiqCli(List<String> storeArgs, String user) {
        this.storeArgs = storeArgs;
        env.put("FITIQ_USER", user);
        env.put("FITIQ_API_TOKEN", TOKEN);
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the tests with 'verify'");
        }
    }

    static FitiqCli onDataDir(Path dir, String user) {
        return new FitiqCli(List.of("--data-dir", dir.toString()), user);
    }

    static FitiqCli onUrl(String url, String user) {
        return new FitiqCli(List.of("--db-url", url), user);
    }

    FitiqCli asUser(String user) {
        FitiqCli other = new FitiqCli(storeArgs, user);
        other.env.putAll(env);
        other.env.put("FITIQ_USER", user);
        return other;
    }

    FitiqCli withoutEnv(String name) {
        FitiqCli other = new FitiqCli(storeArgs, env.get("FITIQ_USER"));
        other.env.putAll(env);
        other.env.remove(name);
        return other;
    }

    JarProcess.Result run(String... args) {
        return JarProcess.run(JAR, env, Duration.ofMinutes(3), withStore(args));
    }

    /** Runs a command that must succeed, returning its stdout. */
    String ok(String... args) {
        JarProcess.Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("'" + String.join(" ", args) + "' exited " + result.exitCode() + ": "
                    + result.stderr());
        }
        return result.stdout();
    }

    Process start(Path stdout, Path stderr, String... args) {
        return JarProcess.start(JAR, env, stdout, stderr, withStore(args));
    }

    private String[] withStore(String... args) {
        List<String> all = new ArrayList<>(storeArgs);
        all.addAll(List.of(args));
        return all.toArray(new String[0]);
    }

    /** Sync options for tests: short backoff so injected faults cost milliseconds, not minutes. */
    static String[] quickSync(String api, String... more) {
        List<String> all = new ArrayList<>(List.of("sync", "--api", api, "--retry-delays", "50ms,100ms,200ms",
                "--max-attempts", "12", "--request-timeout", "2s", "--timeout", "20s"));
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }
}
