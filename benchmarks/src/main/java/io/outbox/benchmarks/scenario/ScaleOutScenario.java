package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.cli.DrainWorkerMain;
import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.benchmarks.harness.Row;
import io.outbox.benchmarks.harness.Trial;
import io.outbox.benchmarks.store.Backlog;
import io.outbox.benchmarks.store.BenchStore;
import io.outbox.jpa.Dialect;
import io.outbox.processor.ProcessorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 6, scale-out on PostgreSQL: 1, 2 and 4 processor JVMs ({@link DrainWorkerMain},
 * best config) share one outbox and drain one backlog; beside them as many JVMs running the
 * bare drain on an outbox of their own. The workers start before the runs and stay up, so JVM
 * start-up and warm-up are not timed: each run loads the backlog, says GO to every worker,
 * and counts from the first worker's start to the last one's end. Events per second.
 */
public final class ScaleOutScenario implements Scenario {
    private static final Logger log = LoggerFactory.getLogger(ScaleOutScenario.class);
    private static final List<Integer> WORKERS = List.of(1, 2, 4);

    @Override
    public String name() {
        return "scale-out";
    }

    @Override
    public List<Row> run(RunContext context) {
        if (!context.dialects().contains(Dialect.POSTGRESQL)) {
            return List.of();
        }
        int backlog = context.sizes().scaleOutBacklog();
        List<Row> rows = new ArrayList<>();
        try (BenchStore ours = context.openFresh(Dialect.POSTGRESQL);
             BenchStore bare = context.openFresh(Dialect.POSTGRESQL)) {
            for (int count : WORKERS) {
                log.info("scale-out on postgresql: {} JVMs, {} events", count, backlog);
                List<WorkerProcess> workers = new ArrayList<>();
                try {
                    List<WorkerProcess> oursWorkers = start(context, ours, "ours", count, workers);
                    List<WorkerProcess> bareWorkers = start(context, bare, "bare", count, workers);
                    for (WorkerProcess w : workers) {
                        w.await("READY", Duration.ofMinutes(2));
                    }
                    rows.add(Row.paired(name(), "postgresql", count + (count == 1 ? " JVM" : " JVMs"), "events/s",
                            context.repetitions().paired("scale-out " + count, run(ours, oursWorkers, backlog),
                                    run(bare, bareWorkers, backlog))).withNote(count == 1 ? backlog + " events" : ""));
                } finally {
                    workers.forEach(WorkerProcess::close);
                }
            }
        }
        return rows;
    }

    private List<WorkerProcess> start(RunContext context, BenchStore store, String mode, int count,
                                      List<WorkerProcess> all) {
        ProcessorConfig config = context.best(Dialect.POSTGRESQL);
        List<WorkerProcess> started = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            WorkerProcess worker = WorkerProcess.start("scale-" + mode + "-" + count + "-" + i, DrainWorkerMain.class,
                    List.of("-Xmx256m"), List.of(store.url(), mode, String.valueOf(config.batchSize()),
                            String.valueOf(config.concurrency()), "0"), context.workDir());
            started.add(worker);
            all.add(worker);
        }
        return started;
    }

    private static Trial run(BenchStore store, List<WorkerProcess> workers, int backlog) {
        return () -> {
            store.truncate();
            Backlog.pending(store, 1, backlog);
            store.analyze();
            workers.forEach(w -> w.send("GO"));
            List<WorkerResults> results = new ArrayList<>();
            for (WorkerProcess w : workers) {
                results.add(WorkerResults.parse(w.await("DONE", Duration.ofMinutes(10))));
            }
            WorkerResults all = WorkerResults.combine(results);
            long completed = store.count("status = 'completed'");
            if (all.delivered() != backlog || completed != backlog) {
                throw new BenchmarkException(workers.size() + " workers delivered " + all.delivered()
                        + " and completed " + completed + " of " + backlog);
            }
            return all.eventsPerSecond();
        };
    }
}
