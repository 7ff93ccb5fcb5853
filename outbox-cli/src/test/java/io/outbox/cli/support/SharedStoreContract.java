package io.outbox.cli.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outbox.jpa.internal.ProcessingLock;
import io.outbox.jpa.internal.ServerFile;
import io.outbox.jpa.internal.StoreCredential;
import io.outbox.jpa.support.JarProcess;
import io.outbox.testing.backend.FaultKind;
import io.outbox.testing.backend.FaultPlan;
import io.outbox.testing.backend.JournalEntry;
import io.outbox.testing.backend.StandInBackend;
import org.apache.derby.client.BasicClientDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One embedded store, many processes, for every app (issue 16): a {@code sync --watch} serves
 * the store, and other processes of the built jar, several at once, write to it through that
 * server; every change reaches the stand-in backend once, within a second; a {@code kill -9} of
 * the serving sync mid-delivery loses nothing, later commands take the store over, and a new
 * sync delivers the rest, once in effect; the store's credential shows in no output. Each app
 * says how it makes, updates and deletes its entities and how its backend state is compared
 * with its own.
 */
public abstract class SharedStoreContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final int ADDS = 50;
    private static final int UPDATES = 30;
    private static final int AT_ONCE = 3;
    private static final String TOKEN = "shared-store-token-7c2e";
    private static final String USER = "alice";

    private final Path jar;
    private final String envPrefix;
    /** Everything the commands of a test printed, for the check that the credential never shows. */
    private final List<String> printed = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param jar the app's built jar
     * @param envPrefix the prefix of its variables: {@code FITIQ} for {@code FITIQ_USER}
     */
    protected SharedStoreContract(Path jar, String envPrefix) {
        this.jar = jar;
        this.envPrefix = envPrefix;
    }

    /** A command that makes the {@code i}-th new entity and prints its id. */
    protected abstract String[] add(int i);

    /** A command that changes the entity the {@code i}-th add made. */
    protected abstract String[] update(String id, int i);

    /** A command that deletes the entity the {@code i}-th add made. */
    protected abstract String[] delete(String id, int i);

    /** Fails unless the backend holds exactly what the app lists; {@code ok} runs a command and returns stdout. */
    protected abstract void assertBackendEqualsLocal(StandInBackend backend, Function<String[], String> ok);

    @Test
    void givenSyncWatchServingTheStore_whenOtherProcessesChangeIt_thenEachChangeArrivesOnceWithinASecond_andAKillLosesNothing(
            @TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path database = data.resolve("store");
        try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(TOKEN))) {
            List<Ran> late = new ArrayList<>();
            Process sync = startSync(dir, data, backend, "first");
            try {
                awaitServedBy(database, sync);
                JarProcess.Result second = JarProcess.run(jar, syncEnv(), COMMAND_TIMEOUT,
                        command(data, "sync", "--api", backend.baseUri().toString(), "--until-idle"));
                assertThat(second.exitCode()).as("a second sync on the store").isEqualTo(3);
                assertThat(second.stderr().lines().toList()).singleElement().asString()
                        .contains("a sync already runs on the store").contains("in process " + sync.pid())
                        .contains("let it run, or stop it before starting another");
                printed.add(second.everything());

                List<Ran> adds = runAll(data, range(0, ADDS).stream().map(this::add).toList());
                List<String[]> changes = new ArrayList<>();
                for (int i = 0; i < ADDS; i++) {
                    String id = adds.get(i).out().trim();
                    changes.add(i < UPDATES ? update(id, i) : delete(id, i));
                }
                List<Ran> edits = runAll(data, changes);
                awaitActedKeys(backend, 2 * ADDS);

                List<Map<String, Object>> events = json(ok(data, "outbox", "list", "--json"));
                assertThat(events).hasSize(2 * ADDS).allSatisfy(e -> assertThat(e).containsEntry("status",
                        "completed"));
                List<Duration> latencies = latencies(events, adds, edits, backend);
                Duration p99 = latencies.get((int) Math.ceil(0.99 * latencies.size()) - 1);
                assertThat(p99).as("p99 from a command's end to the backend acting on its change; all: %s",
                        latencies).isLessThanOrEqualTo(Duration.ofSeconds(1));
                assertEachKeyActedOnce(backend);

                // every request now waits 5 s before the backend acts, so the kill comes mid-delivery
                backend.injectFaults(FaultPlan.of(1.0, FaultKind.SLOW).withSlowDelay(Duration.ofSeconds(5)), 1);
                late.addAll(runAll(data, range(ADDS, ADDS + 5).stream().map(this::add).toList()));
                awaitProcessing(database);
                sync.destroyForcibly().waitFor();
                late.addAll(runAll(data, range(ADDS + 5, ADDS + 10).stream().map(this::add).toList()));
            } finally {
                sync.destroyForcibly().waitFor();
            }
            backend.injectFaults(FaultPlan.none(), 2);

            JarProcess.Result again = JarProcess.run(jar, syncEnv(), COMMAND_TIMEOUT,
                    command(data, "sync", "--api", backend.baseUri().toString(), "--until-idle", "--timeout", "5s",
                            "--retry-delays", "100ms"));

            assertThat(again.exitCode()).as(again.stderr()).isZero();
            assertThat(again.stdoutLines()).last().asString().endsWith("failed 0, pending 0");
            List<Map<String, Object>> events = json(ok(data, "outbox", "list", "--json"));
            Set<Object> entities = events.stream().map(e -> e.get("entity_id")).collect(Collectors.toSet());
            assertThat(late).as("the changes made around the kill, each with its event").allSatisfy(ran ->
                    assertThat(entities).as("the event of the entry %s, printed by a command that exited 0 at %s",
                            ran.out().trim(), ran.ended()).contains(ran.out().trim()));
            assertThat(events).hasSize(2 * ADDS + 10).allSatisfy(e -> assertThat(e).containsEntry("status",
                    "completed"));
            assertEachKeyActedOnce(backend);
            assertThat(actedKeys(backend)).isEqualTo(2 * ADDS + 10);
            assertBackendEqualsLocal(backend, args -> ok(data, args));
            String secret = StoreCredential.loadOrCreate(database).password();
            assertThat(Files.readString(dir.resolve("first-sync.out")) + Files.readString(dir.resolve("first-sync.err"))
                    + again.everything() + String.join("", printed)).doesNotContain(secret);
        }
    }

    private Process startSync(Path dir, Path data, StandInBackend backend, String name) {
        return JarProcess.start(jar, syncEnv(), dir.resolve(name + "-sync.out"), dir.resolve(name + "-sync.err"),
                command(data, "sync", "--api", backend.baseUri().toString(), "--watch", "--retry-delays", "100ms"));
    }

    /**
     * Waits until the sync serves the store and delivers: it serves from its boot on, and takes
     * the processing lock (which names it once held) only after that.
     */
    private static void awaitServedBy(Path database, Process sync) {
        Path lock = ProcessingLock.fileOf(database);
        JarProcess.await("the sync serving " + database + " and delivering", Duration.ofMinutes(1), () -> {
            assertThat(sync.isAlive()).as("the sync is running").isTrue();
            return ServerFile.read(database).filter(f -> f.pid() == sync.pid()).isPresent() && holder(lock).equals(Long.toString(sync.pid()));
        });
    }

    private static String holder(Path lock) {
        try {
            return Files.readString(lock).trim();
        } catch (IOException notYet) {
            return "";
        }
    }

    /** Waits until the serving sync has claimed an event, read through its server with the store's credential. */
    private static void awaitProcessing(Path database) {
        JarProcess.await("an event in delivery", Duration.ofMinutes(1), () -> countProcessing(database) > 0);
    }

    private static int countProcessing(Path database) {
        ServerFile server = ServerFile.read(database).orElseThrow();
        StoreCredential credential = StoreCredential.loadOrCreate(database);
        BasicClientDataSource client = new BasicClientDataSource();
        client.setServerName("127.0.0.1");
        client.setPortNumber(server.port());
        client.setDatabaseName(database.toString());
        client.setUser(credential.user());
        client.setPassword(credential.password());
        try (Connection c = client.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM APP.outbox_event WHERE UPPER(status) = 'PROCESSING'")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError("cannot read the served store: " + e.getMessage(), e);
        }
    }

    private static void awaitActedKeys(StandInBackend backend, int expected) {
        JarProcess.await(expected + " changes acted on by the backend", Duration.ofMinutes(1),
                () -> actedKeys(backend) >= expected);
    }

    private static long actedKeys(StandInBackend backend) {
        return backend.journal().stream().filter(JournalEntry::acted).map(JournalEntry::idempotencyKey).distinct()
                .count();
    }

    private static void assertEachKeyActedOnce(StandInBackend backend) {
        Map<String, Long> acted = backend.journal().stream().filter(j -> j.acted() && !j.replay())
                .collect(Collectors.groupingBy(j -> j.idempotencyKey().orElseThrow(), Collectors.counting()));
        assertThat(acted).allSatisfy((key, times) -> assertThat(times).as("acted on %s", key).isEqualTo(1));
    }

    /**
     * For each change, from the end of the command that made it (after its commit) to the backend
     * acting on it, sorted. An add's event is its entity's create; the edits' are the entity's
     * other event.
     */
    private static List<Duration> latencies(List<Map<String, Object>> events, List<Ran> adds, List<Ran> edits,
                                            StandInBackend backend) {
        Map<String, List<Map<String, Object>>> byEntity = events.stream()
                .collect(Collectors.groupingBy(e -> (String) e.get("entity_id")));
        List<Duration> latencies = new ArrayList<>();
        for (int i = 0; i < adds.size(); i++) {
            List<Map<String, Object>> two = byEntity.get(adds.get(i).out().trim());
            assertThat(two).as("the events of entity %s", adds.get(i).out()).hasSize(2);
            for (Map<String, Object> event : two) {
                Instant ended = "create".equals(event.get("operation")) ? adds.get(i).ended() : edits.get(i).ended();
                Instant acted = backend.actedAt((String) event.get("id")).orElseThrow();
                latencies.add(Duration.between(ended, acted));
            }
        }
        Collections.sort(latencies);
        return latencies;
    }

    /** A command's stdout and when its process had ended. */
    private record Ran(String out, Instant ended) {
    }

    /** Runs the commands {@link #AT_ONCE} at a time, each as its own process; every one must exit 0. */
    private List<Ran> runAll(Path data, List<String[]> commands) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<Ran>> results = new ArrayList<>();
            commands.forEach(args -> results.add(workers.submit(() -> new Ran(ok(data, args), Instant.now()))));
            List<Ran> out = new ArrayList<>();
            for (Future<Ran> result : results) {
                out.add(result.get());
            }
            return out;
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause().getMessage(), e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private String ok(Path data, String... args) {
        JarProcess.Result result = JarProcess.run(jar, Map.of(envPrefix + "_USER", USER), COMMAND_TIMEOUT,
                command(data, args));
        printed.add(result.everything());
        assertThat(result.exitCode()).as("exit of %s; stderr: %s", String.join(" ", args), result.stderr()).isZero();
        return result.stdout();
    }

    private Map<String, String> syncEnv() {
        Map<String, String> env = new HashMap<>();
        env.put(envPrefix + "_USER", USER);
        env.put(envPrefix + "_API_TOKEN", TOKEN);
        return env;
    }

    private static String[] command(Path data, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
        Collections.addAll(all, args);
        return all.toArray(new String[0]);
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> all = new ArrayList<>();
        for (int i = from; i < to; i++) {
            all.add(i);
        }
        return all;
    }

    private static List<Map<String, Object>> json(String text) {
        try {
            return JSON.readValue(text, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new AssertionError("not the JSON expected: " + text, e);
        }
    }
}
