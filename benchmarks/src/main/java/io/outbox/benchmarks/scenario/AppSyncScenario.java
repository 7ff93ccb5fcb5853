package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.benchmarks.harness.Row;
import io.outbox.benchmarks.harness.Summary;
import io.outbox.benchmarks.harness.Trial;
import io.outbox.benchmarks.harness.Verdict;
import io.outbox.benchmarks.store.StoreLocations;
import io.outbox.testing.backend.FaultKind;
import io.outbox.testing.backend.FaultPlan;
import io.outbox.testing.backend.StandInBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 8, app-sync: a big import's sync as a user runs it. FitIQ imports a CSV of
 * {@value #ENTRIES} progress entries (untimed), then {@code java -jar fitiq-app.jar sync --api URL
 * --until-idle} with default options delivers them to a stand-in API in this JVM that answers
 * after 0 ms or 20 ms; the figure is entries per second over the whole process, spawn to exit,
 * start-up included. The jar runs as users run it: plain {@code java}, no flag, the quick start on
 * (its class-data archive made first, in a fresh cache of the run). The baseline is bare HTTP:
 * the same number of creates sent by a JDK HttpClient loop in this JVM, 3 in flight (the sync's
 * default {@code --concurrency}), to a fresh stand-in with the same delay: what any outbox could
 * do at that concurrency without a store or a process to start. Every trial has a fresh store and
 * a fresh stand-in. Runs on the caller's thread.
 */
public final class AppSyncScenario implements Scenario {
    private static final Logger log = LoggerFactory.getLogger(AppSyncScenario.class);
    static final int ENTRIES = 2_000;
    private static final int IN_FLIGHT = 3;
    private static final long TIMEOUT_MINUTES = 5;
    private static final Map<Integer, Double> TARGETS = Map.of(0, 500.0, 20, 300.0);

    @Override
    public String name() {
        return "app-sync";
    }

    @Override
    public List<Row> run(RunContext context) {
        AppJar app;
        try {
            app = AppJar.fitiq(context, name());
        } catch (IOException e) {
            throw new BenchmarkException("app-sync: " + e.getMessage(), e);
        }
        Path dir = app.workDir();
        try {
            Path csv = csv(dir.resolve("import.csv"), ENTRIES);
            app.train();
            List<Row> rows = new ArrayList<>();
            for (int delay : List.of(0, 20)) {
                log.info("app-sync: {} entries, backend delay {} ms: sync --until-idle vs bare HTTP, {} in flight",
                        ENTRIES, delay, IN_FLIGHT);
                AtomicInteger trial = new AtomicInteger();
                List<Summary> figures = context.repetitions().interleaved("app-sync " + delay + " ms", List.of(
                        (Trial) () -> importThenSync(app, csv, dir.resolve("store-" + delay + "-" + trial.incrementAndGet()),
                                delay),
                        () -> bareHttp(delay)));
                double target = TARGETS.get(delay);
                Row row = new Row(name(), "derby", String.format(Locale.ROOT, "import %,d, then sync --until-idle,"
                        + " backend %d ms", ENTRIES, delay), "events/s", Optional.of(figures.get(0)),
                        Optional.of(figures.get(1)), Optional.empty(),
                        "process start included; baseline: bare HTTP, " + IN_FLIGHT + " in flight");
                rows.add(row.withVerdict(Verdict.of(String.format(Locale.ROOT, ">= %.0f events/s", target),
                        figures.get(0).median() >= target)));
            }
            return rows;
        } catch (IOException e) {
            throw new BenchmarkException("app-sync: " + e.getMessage(), e);
        } finally {
            StoreLocations.deleteTree(dir);
        }
    }

    /** Imports the CSV into a new store (untimed), then times the sync of it; entries per second. */
    private static double importThenSync(AppJar app, Path csv, Path store, int delayMillis) {
        app.run(List.of("--data-dir", store.toString(), "progress", "import", csv.toString()));
        try (StandInBackend backend = backend(delayMillis)) {
            long start = System.nanoTime();
            String out = app.run(List.of("--data-dir", store.toString(), "sync", "--api", backend.baseUri().toString(),
                    "--until-idle"));
            double seconds = (System.nanoTime() - start) / 1e9;
            int created = backend.resources("progress").size();
            if (created != ENTRIES || !out.contains("delivered " + ENTRIES + ",")) {
                throw new BenchmarkException("app-sync: sync created " + created + " of " + ENTRIES + "; it said: "
                        + out.strip());
            }
            StoreLocations.deleteTree(store);
            return ENTRIES / seconds;
        }
    }

    /** A FitIQ import file of {@code entries} weights, dated through January 2025. */
    static Path csv(Path file, int entries) throws IOException {
        StringBuilder text = new StringBuilder("type,quantity,unit,date\n");
        for (int i = 0; i < entries; i++) {
            text.append(String.format(Locale.ROOT, "weight,%d.%d,kg,2025-01-%02dT%02d:%02d:00Z%n", 60 + i % 30, i % 10,
                    1 + i % 28, i % 24, i % 60));
        }
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A stand-in that answers every request after {@code delayMillis}, or at once for 0. */
    static StandInBackend backend(int delayMillis) {
        StandInBackend.Options options = StandInBackend.Options.withToken(AppJar.TOKEN);
        if (delayMillis > 0) {
            options = options.withFaults(FaultPlan.of(1.0, FaultKind.SLOW).withSlowDelay(Duration.ofMillis(delayMillis)));
        }
        return StandInBackend.start(options);
    }

    /** {@value #ENTRIES} creates through a plain HTTP client, {@value #IN_FLIGHT} at a time; creates per second. */
    private static double bareHttp(int delayMillis) {
        try (StandInBackend backend = backend(delayMillis)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = backend.baseUri().resolve("/api/v1/progress");
            AtomicInteger next = new AtomicInteger();
            ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
            long start = System.nanoTime();
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < IN_FLIGHT; t++) {
                    running.add(senders.submit(() -> {
                        for (int i = next.getAndIncrement(); i < ENTRIES; i = next.getAndIncrement()) {
                            send(client, uri, i);
                        }
                        return null;
                    }));
                }
                for (Future<?> sender : running) {
                    sender.get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
                }
            } catch (Exception e) {
                throw new BenchmarkException("app-sync: the bare HTTP loop failed: " + e.getMessage(), e);
            } finally {
                senders.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int created = backend.resources("progress").size();
            if (created != ENTRIES) {
                throw new BenchmarkException("app-sync: the bare HTTP loop created " + created + " of " + ENTRIES);
            }
            return ENTRIES / seconds;
        }
    }

    private static void send(HttpClient client, URI uri, int i) throws IOException, InterruptedException {
        String body = String.format(Locale.ROOT, "{\"client_id\":\"%s\",\"type\":\"weight\",\"quantity\":70.5,"
                + "\"unit\":\"kg\",\"date\":\"2025-01-01T00:00:00Z\"}", UUID.randomUUID());
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + AppJar.TOKEN)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IOException("create " + i + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }
}
