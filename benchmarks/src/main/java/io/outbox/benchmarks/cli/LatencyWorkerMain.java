package io.outbox.benchmarks.cli;

import io.outbox.benchmarks.baseline.BareDrain;
import io.outbox.benchmarks.scenario.DrainScenario;
import io.outbox.benchmarks.scenario.Latencies;
import io.outbox.benchmarks.store.BenchStore;
import io.outbox.benchmarks.store.Notes;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;
import io.outbox.http.Json;
import io.outbox.processor.OutboxProcessor;
import io.outbox.processor.ProcessorConfig;
import org.postgresql.PGConnection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The handling JVM of the cross-process latency scenario, started by the benchmark with
 * {@code URL ours|bare}. It handles events written by the benchmark's JVM and records, per
 * run, handler start minus the writer's stamp in the metadata (ms). Protocol on stdout:
 * {@code READY}; then for each {@code COLLECT run count} on stdin, {@code LATENCIES [ms...]}
 * once that run's events have all been handled; {@code EXIT} ends it.
 */
public final class LatencyWorkerMain {
    /** The channel the bare writer NOTIFYs and the bare worker LISTENs on. */
    public static final String BARE_CHANNEL = "bench_bare";

    private final Clock clock = Clock.systemUTC();
    private final Map<Integer, List<Double>> byRun = new ConcurrentHashMap<>();

    private LatencyWorkerMain() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        new LatencyWorkerMain().run(args[0], args[1]);
    }

    private void run(String url, String mode) throws IOException, SQLException {
        try (BenchStore store = BenchStore.open(url)) {
            AutoCloseable handling = "bare".equals(mode) ? bare(store) : ours(store);
            System.out.println("READY");
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = stdin.readLine()) != null && !line.equals("EXIT")) {
                String[] parts = line.split(" ");
                if (parts[0].equals("COLLECT")) {
                    int run = Integer.parseInt(parts[1]);
                    int count = Integer.parseInt(parts[2]);
                    Latencies.await(() -> runOf(run).size() >= count, Duration.ofSeconds(50), "run " + run);
                    System.out.println("LATENCIES " + Json.write(new ArrayList<>(runOf(run))));
                }
            }
            handling.close();
        } catch (Exception e) {
            System.err.println("latency worker failed: " + e);
            System.exit(1);
        }
    }

    private List<Double> runOf(int run) {
        return byRun.computeIfAbsent(run, r -> new CopyOnWriteArrayList<>());
    }

    /** Called at the handler's start with the event's metadata. */
    private void handled(String metadata) {
        long now = Latencies.epochMicros(clock);
        Map<String, Object> m = Json.parseObject(metadata);
        long sent = ((BigDecimal) m.get("sentAtMicros")).longValue();
        runOf(((BigDecimal) m.get("run")).intValue()).add((now - sent) / 1000.0);
    }

    private AutoCloseable ours(BenchStore store) {
        OutboxHandler handler = OutboxHandler.of(Notes.EVENT_TYPE, event -> {
            handled(event.metadata().orElseThrow());
            return HandlerResult.done();
        });
        OutboxProcessor processor = OutboxProcessor.builder(store.outbox().repository()).handler(handler)
                .config(ProcessorConfig.defaults()).build();
        AutoCloseable wake = store.outbox().onEventsCommitted(processor::trigger);
        processor.start();
        Latencies.await(store.outbox()::listeningForOtherProcesses, Duration.ofSeconds(10), "LISTEN");
        return () -> {
            wake.close();
            processor.close();
        };
    }

    private AutoCloseable bare(BenchStore store) throws SQLException {
        BareDrain drain = new BareDrain(store, "bare-worker", DrainScenario.BARE_BATCH);
        Connection listen = DriverManager.getConnection(store.url());
        try (Statement s = listen.createStatement()) {
            s.execute("LISTEN " + BARE_CHANNEL);
        }
        PGConnection pg = listen.unwrap(PGConnection.class);
        Thread loop = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    var notifications = pg.getNotifications(100);
                    if (notifications != null && notifications.length > 0) {
                        drain.drainAll(row -> handled(row.metadata()));
                    }
                }
            } catch (SQLException e) {
                System.err.println("LISTEN ended: " + e.getMessage());
            }
        }, "bare-listen");
        loop.setDaemon(true);
        loop.start();
        return () -> {
            loop.interrupt();
            listen.close();
        };
    }
}
