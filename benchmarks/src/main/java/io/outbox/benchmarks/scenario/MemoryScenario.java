package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.cli.DrainWorkerMain;
import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.benchmarks.harness.Row;
import io.outbox.benchmarks.harness.Summary;
import io.outbox.benchmarks.harness.Verdict;
import io.outbox.benchmarks.store.BenchStore;
import io.outbox.jpa.Dialect;
import io.outbox.processor.ProcessorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scenario 5, memory: a worker JVM under {@code -Xmx256m} loads a backlog and drains it with
 * the best config (ours) or the bare drain (baseline); figures are the drain rate, the peak
 * heap used and the peak live set after GC (MemoryMXBean sampling; GC logs in the work
 * directory). One run each: a drain of a million events is its own repetition. The target,
 * a 1,000,000-event drain that finishes under -Xmx256m, is checked in full mode; a quick run
 * drains fewer and says so.
 */
public final class MemoryScenario implements Scenario {
    private static final Logger log = LoggerFactory.getLogger(MemoryScenario.class);
    private static final long TARGET_EVENTS = 1_000_000;
    private static final double MB = 1024.0 * 1024;

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public List<Row> run(RunContext context) {
        int events = context.sizes().memoryEvents();
        List<Row> rows = new ArrayList<>();
        for (Dialect dialect : context.dialects()) {
            String store = BenchStore.label(dialect);
            log.info("memory on {}: {} events under -Xmx256m", store, events);
            WorkerResults ours = drain(context, dialect, "ours", events);
            WorkerResults bare = drain(context, dialect, "bare", events);
            String note = events < TARGET_EVENTS ? "quick: " + events + " events, not 1,000,000" : "";
            rows.add(pair(store, "drain " + events + " events under -Xmx256m", "events/s", ours.eventsPerSecond(),
                    bare.eventsPerSecond()).withNote(note));
            rows.add(pair(store, "peak heap used", "MB", ours.peakHeapBytes() / MB, bare.peakHeapBytes() / MB));
            Row live = pair(store, "peak live set after GC", "MB", ours.peakLiveBytes() / MB, bare.peakLiveBytes() / MB);
            String target = "1,000,000 events drained under -Xmx256m";
            rows.add(live.withVerdict(events >= TARGET_EVENTS
                    ? Verdict.of(target, ours.delivered() == events) : Verdict.notRun(target)));
        }
        return rows;
    }

    private Row pair(String store, String measure, String unit, double ours, double bare) {
        return new Row(name(), store, measure, unit, Optional.of(Summary.single(ours)),
                Optional.of(Summary.single(bare)), Optional.empty(), "");
    }

    private WorkerResults drain(RunContext context, Dialect dialect, String mode, int events) {
        String url = context.freshUrl(dialect);
        ProcessorConfig config = context.best(dialect);
        String name = "memory-" + BenchStore.label(dialect) + "-" + mode;
        List<String> jvm = List.of("-Xmx256m", "-Xlog:gc:file=" + context.workDir().resolve(name + "-gc.log"));
        try (WorkerProcess worker = WorkerProcess.start(name, DrainWorkerMain.class, jvm,
                List.of(url, mode, String.valueOf(config.batchSize()), String.valueOf(config.concurrency()),
                        String.valueOf(events)), context.workDir())) {
            worker.await("READY", Duration.ofMinutes(20));
            worker.send("GO");
            WorkerResults result = WorkerResults.parse(worker.await("DONE", Duration.ofMinutes(60)));
            if (result.delivered() != events) {
                throw new BenchmarkException(name + " delivered " + result.delivered() + " of " + events);
            }
            log.info("  {}: {} events/s, peak heap {} MB", name, (long) result.eventsPerSecond(),
                    result.peakHeapBytes() / (1024 * 1024));
            return result;
        }
    }
}
