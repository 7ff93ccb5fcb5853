package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.http.Json;
import io.outbox.testing.backend.Arrival;
import io.outbox.testing.backend.StandInBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * One run of the user-bar scenario on one store: imports the CSV, starts the {@code sync --watch}
 * processes with default options against a stand-in answering after {@value #DELAY_MILLIS} ms, makes
 * the user's changes ({@code progress add}, each its own process) spread through the drain, waits
 * until each has reached the stand-in, stops the syncs, and reads each change's commit instant
 * (its event's {@code created_at}) from {@code outbox list}. Used by one thread; the changes run
 * on a pool of its own, closed before it returns.
 */
final class UserBarRun {
    private static final Logger log = LoggerFactory.getLogger(UserBarRun.class);
    /** How long the stand-in takes to answer each request. */
    static final int DELAY_MILLIS = 20;
    /** Changes made at once at most: each is a JVM start on a shared 2-core machine. */
    private static final int AT_ONCE = 3;
    /**
     * The share of the drain's expected rest over which the changes are spread, so they all land
     * during it; divided by the number of syncs, whose pace the first seconds understate (the
     * second sync and the growing batches speed the drain up after them).
     */
    private static final double SPREAD = 0.3;
    private static final Duration RATE_WINDOW = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(20);

    private final AppJar app;
    private final List<String> store;
    private final int watchers;
    private final int importSize;
    private final int changes;
    private final Path trace;

    /**
     * @param store      the global options naming the store ({@code --data-dir D} or {@code --db-url U})
     * @param watchers   how many {@code sync --watch} processes deliver
     * @param importSize entries in the CSV
     * @param changes    user changes to make while it drains
     * @param trace      a CSV file to write every arrival and commit to, for a look at where the time went
     */
    UserBarRun(AppJar app, List<String> store, int watchers, int importSize, int changes, Path trace) {
        this.trace = trace;
        this.app = app;
        this.store = List.copyOf(store);
        this.watchers = watchers;
        this.importSize = importSize;
        this.changes = changes;
    }

    Overtaking run(Path csv) {
        app.run(words("progress", "import", csv.toString()));
        List<String> ids;
        try (StandInBackend backend = AppSyncScenario.backend(DELAY_MILLIS)) {
            List<Process> syncs = new ArrayList<>();
            try {
                for (int i = 0; i < watchers; i++) {
                    syncs.add(app.start(words("sync", "--api", backend.baseUri().toString(), "--watch"), "sync-" + i));
                }
                Latencies.await(() -> backend.arrivals().size() >= importSize / 50, PATIENCE,
                        "the import to be delivering");
                ids = makeChanges(backend);
                Set<String> waiting = new HashSet<>(ids);
                Latencies.await(() -> arrived(backend).containsAll(waiting), PATIENCE,
                        "every change at the backend");
            } finally {
                syncs.forEach(UserBarRun::stop);
            }
            Map<String, Instant> commits = commits(ids);
            writeTrace(commits, backend.arrivals());
            return Overtaking.of(commits, backend.arrivals(), importSize);
        }
    }

    /** Makes the changes at an even pace over {@link #SPREAD} (per sync) of the drain's expected rest; their entry ids. */
    private List<String> makeChanges(StandInBackend backend) {
        int before = backend.arrivals().size();
        LockSupport.parkNanos(RATE_WINDOW.toNanos());
        int after = backend.arrivals().size();
        double perSecond = Math.max(1, (after - before) / (RATE_WINDOW.toMillis() / 1000.0));
        long gapMillis = Math.max(100, Math.round(SPREAD / watchers * (importSize - after) / perSecond * 1000 / changes));
        log.info("user-bar: import delivering at {}/s, {} of {} arrived; {} changes, one every {} ms",
                Math.round(perSecond), after, importSize, changes, gapMillis);
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(AT_ONCE);
        try {
            List<ScheduledFuture<String>> made = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                List<String> add = words("progress", "add", "--type", "weight", "--quantity",
                        String.format(Locale.ROOT, "%d.5", 50 + i % 50));
                made.add(pool.schedule(() -> app.run(add).strip(), i * gapMillis, TimeUnit.MILLISECONDS));
            }
            List<String> ids = new ArrayList<>();
            for (ScheduledFuture<String> change : made) {
                ids.add(change.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
            }
            return ids;
        } catch (ExecutionException e) {
            throw new BenchmarkException("user-bar: a change failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new BenchmarkException("user-bar: a change took longer than " + PATIENCE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("user-bar: interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Set<String> arrived(StandInBackend backend) {
        return backend.arrivals().stream().map(Arrival::clientId).collect(Collectors.toSet());
    }

    /**
     * Each change's commit: its create event's {@code created_at}, stamped by the command's clock in
     * the transaction it commits, just before the commit.
     */
    private Map<String, Instant> commits(List<String> ids) {
        Object listed = Json.parse(app.run(words("outbox", "list", "--status", "completed", "--json")));
        Map<String, Instant> created = new LinkedHashMap<>();
        for (Object item : (List<?>) listed) {
            Map<?, ?> event = (Map<?, ?>) item;
            if ("create".equals(event.get("operation"))) {
                created.put((String) event.get("entity_id"), Instant.parse((String) event.get("created_at")));
            }
        }
        Map<String, Instant> commits = new LinkedHashMap<>();
        for (String id : ids) {
            Instant at = created.get(id);
            if (at == null) {
                throw new BenchmarkException("user-bar: no completed create event for the change " + id);
            }
            commits.put(id, at);
        }
        return commits;
    }

    /** One line per arrival and per commit: what, client id, microseconds since the epoch, by the wall clock. */
    private void writeTrace(Map<String, Instant> commits, List<Arrival> arrivals) {
        StringBuilder csv = new StringBuilder("what,client_id,epoch_micros\n");
        commits.forEach((id, at) -> csv.append("commit,").append(id).append(',').append(micros(at)).append('\n'));
        for (Arrival arrival : arrivals) {
            csv.append(commits.containsKey(arrival.clientId()) ? "change" : "import").append(',')
                    .append(arrival.clientId()).append(',').append(micros(arrival.receivedAt())).append('\n');
        }
        try {
            Files.writeString(trace, csv, StandardCharsets.UTF_8);
            log.info("user-bar: arrivals and commits written to {}", trace);
        } catch (IOException e) {
            log.warn("user-bar: could not write {}: {}", trace, e.getMessage());
        }
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    /** SIGTERM, as Ctrl-C would; a kill when it has not stopped within the contract's 10 s and some. */
    private static void stop(Process sync) {
        sync.destroy();
        try {
            if (!sync.waitFor(STOP_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("user-bar: a sync --watch did not stop within {}; killing it", STOP_PATIENCE);
                sync.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sync.destroyForcibly();
        }
    }

    private List<String> words(String... command) {
        List<String> all = new ArrayList<>(store);
        all.addAll(List.of(command));
        return all;
    }
}
