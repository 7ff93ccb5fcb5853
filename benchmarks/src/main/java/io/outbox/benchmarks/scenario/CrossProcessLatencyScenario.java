package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.baseline.RawEnqueue;
import io.outbox.benchmarks.cli.LatencyWorkerMain;
import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.benchmarks.harness.Row;
import io.outbox.benchmarks.harness.Summary;
import io.outbox.benchmarks.store.BenchStore;
import io.outbox.benchmarks.store.Notes;
import io.outbox.event.OutboxEvent;
import io.outbox.http.Json;
import io.outbox.jpa.Dialect;
import io.outbox.jpa.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Scenario 3, latency across processes (PostgreSQL only): this JVM writes one event per
 * transaction at a steady rate, a worker JVM ({@link LatencyWorkerMain}) handles them. The
 * writer puts its wall-clock time, taken just before the write, in the event's metadata; the
 * worker subtracts it from its own clock at the handler's start (same machine, same clock),
 * so the figure includes the writer's insert and commit. Ours: unit of work, whose commit
 * NOTIFYs, and a processor woken by the store's LISTEN. Baseline: plain JDBC with
 * {@code pg_notify} in the transaction, and a worker that LISTENs and runs the bare claim.
 * Target: p99 under 50 ms.
 */
public final class CrossProcessLatencyScenario implements Scenario {
    private static final Logger log = LoggerFactory.getLogger(CrossProcessLatencyScenario.class);
    private static final double TARGET_MILLIS = 50;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Clock clock = Clock.systemUTC();

    @Override
    public String name() {
        return "cross-latency";
    }

    @Override
    public List<Row> run(RunContext context) {
        if (!context.dialects().contains(Dialect.POSTGRESQL)) {
            return List.of();
        }
        int count = context.sizes().latencyEvents();
        int rate = context.sizes().latencyRate();
        try (BenchStore oursStore = context.openFresh(Dialect.POSTGRESQL);
             BenchStore bareStore = context.openFresh(Dialect.POSTGRESQL);
             WorkerProcess oursWorker = worker(context, oursStore, "ours");
             WorkerProcess bareWorker = worker(context, bareStore, "bare")) {
            oursWorker.await("READY", START_TIMEOUT);
            bareWorker.await("READY", START_TIMEOUT);
            log.info("cross-process latency on postgresql: {} events at {}/s, write start to handler start", count, rate);
            UnitOfWork unitOfWork = oursStore.outbox().unitOfWork();
            RawEnqueue raw = new RawEnqueue(bareStore);
            int[] run = {0};
            List<List<Summary>> figures = context.repetitions().interleavedFigures("cross-process latency", List.of(
                    () -> collect(oursWorker, ++run[0], count, rate, event -> unitOfWork.write(work -> {
                        work.entityManager().persist(Notes.note(event.entityId(), event.createdAt()));
                        work.record(event);
                    })),
                    () -> collect(bareWorker, run[0], count, rate,
                            event -> raw.write(List.of(event), LatencyWorkerMain.BARE_CHANNEL))));
            return LatencyScenario.rows(name(), "postgresql", figures, TARGET_MILLIS,
                    "write start -> handler start in another JVM, " + count + " events at " + rate + "/s per run");
        }
    }

    private WorkerProcess worker(RunContext context, BenchStore store, String mode) {
        return WorkerProcess.start("latency-worker-" + mode, LatencyWorkerMain.class, List.of("-Xmx256m"),
                List.of(store.url(), mode), context.workDir());
    }

    /** Writes run {@code run}'s events, then asks the worker for their latencies. */
    private List<Double> collect(WorkerProcess worker, int run, int count, int rate,
                                 java.util.function.Consumer<OutboxEvent> write) {
        Latencies.paced(count, rate, i -> {
            String metadata = "{\"run\":" + run + ",\"seq\":" + i + ",\"sentAtMicros\":" + Latencies.epochMicros(clock)
                    + "}";
            write.accept(Notes.created(UUID.randomUUID().toString(), clock.instant(), metadata));
        });
        worker.send("COLLECT " + run + " " + count);
        Object millis = Json.parse(worker.await("LATENCIES", Duration.ofSeconds(60)));
        if (!(millis instanceof List<?> list) || list.size() != count) {
            throw new BenchmarkException("worker " + worker + " answered no list of " + count + " latencies");
        }
        return Latencies.percentiles(list.stream().map(m -> ((Number) m).doubleValue()).toList());
    }
}
