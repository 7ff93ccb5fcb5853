package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.baseline.BareDrain;
import io.outbox.benchmarks.baseline.RawEnqueue;
import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.benchmarks.harness.Row;
import io.outbox.benchmarks.harness.Summary;
import io.outbox.benchmarks.harness.Verdict;
import io.outbox.benchmarks.store.BenchStore;
import io.outbox.benchmarks.store.Notes;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;
import io.outbox.jpa.Dialect;
import io.outbox.processor.OutboxProcessor;
import io.outbox.processor.ProcessorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 3, latency in one process: events written one per transaction at a steady rate;
 * the time from the commit (stamped by a commit listener registered before the processor's
 * trigger) to the handler's start, p50 / p95 / p99. The processor runs with its default
 * config, woken by {@code store.onEventsCommitted(processor::trigger)}. The baseline writes
 * with plain JDBC and wakes a thread that runs the bare claim. Ours and the baseline use
 * separate stores, so neither claims the other's events. Target: p99 under 5 ms.
 */
public final class LatencyScenario implements Scenario {
    private static final Logger log = LoggerFactory.getLogger(LatencyScenario.class);
    private static final double TARGET_MILLIS = 5;

    private final Clock clock = Clock.systemUTC();

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public List<Row> run(RunContext context) {
        List<Row> rows = new ArrayList<>();
        for (Dialect dialect : context.dialects()) {
            try (BenchStore oursStore = context.openFresh(dialect); BenchStore bareStore = context.openFresh(dialect);
                 Ours ours = new Ours(oursStore); Bare bare = new Bare(bareStore)) {
                int count = context.sizes().latencyEvents();
                int rate = context.sizes().latencyRate();
                log.info("latency on {}: {} events at {}/s, commit to handler start", oursStore.label(), count, rate);
                List<List<Summary>> figures = context.repetitions().interleavedFigures("latency " + oursStore.label(),
                        List.of(() -> ours.run(count, rate), () -> bare.run(count, rate)));
                rows.addAll(rows(name(), oursStore.label(), figures, TARGET_MILLIS,
                        "commit -> handler start, in one process, " + count + " events at " + rate + "/s per run"));
            }
        }
        return rows;
    }

    /** Rows for p50, p95 and p99 (ours beside the baseline); the p99 row carries the target. */
    static List<Row> rows(String scenario, String store, List<List<Summary>> figures, double targetMillis, String note) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Latencies.PERCENTILES.size(); i++) {
            String measure = "p" + Latencies.PERCENTILES.get(i).intValue();
            Row row = new Row(scenario, store, measure, "ms", Optional.of(figures.get(0).get(i)),
                    Optional.of(figures.get(1).get(i)), Optional.empty(), i == 0 ? note : "");
            if (i == Latencies.PERCENTILES.size() - 1) {
                row = row.withVerdict(Verdict.of("p99 < " + (int) targetMillis + " ms",
                        figures.get(0).get(i).median() < targetMillis));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Double> millis(Map<UUID, Long> commits, Map<UUID, Long> starts) {
        List<Double> millis = new ArrayList<>(commits.size());
        commits.forEach((id, committed) -> millis.add((starts.get(id) - committed) / 1e6));
        return millis;
    }

    /** The library: unit of work, commit listener, processor woken by trigger. */
    private final class Ours implements AutoCloseable {
        private final BenchStore store;
        private final OutboxProcessor processor;
        private final Map<UUID, Long> commits = new ConcurrentHashMap<>();
        private final Map<UUID, Long> starts = new ConcurrentHashMap<>();
        private final AutoCloseable stamp;
        private final AutoCloseable wake;
        /** Per thread: the LISTEN thread also runs commit listeners, when another store on the server commits. */
        private final ThreadLocal<Long> lastCommit = ThreadLocal.withInitial(() -> 0L);

        Ours(BenchStore store) {
            this.store = store;
            OutboxHandler handler = OutboxHandler.of(Notes.EVENT_TYPE, event -> {
                starts.putIfAbsent(event.id(), System.nanoTime());
                return HandlerResult.done();
            });
            this.processor = OutboxProcessor.builder(store.outbox().repository()).handler(handler)
                    .config(ProcessorConfig.defaults()).exclusiveStore(store.outbox().exclusive()).build();
            // registered first, so it runs on the committing thread before the processor is triggered
            this.stamp = store.outbox().onEventsCommitted(() -> lastCommit.set(System.nanoTime()));
            this.wake = store.outbox().onEventsCommitted(processor::trigger);
            processor.start();
        }

        List<Double> run(int count, int rate) {
            commits.clear();
            starts.clear();
            Latencies.paced(count, rate, i -> {
                OutboxEvent event = Notes.created(UUID.randomUUID().toString(), clock.instant(), Notes.metadata(i));
                store.outbox().unitOfWork().write(work -> {
                    work.entityManager().persist(Notes.note(event.entityId(), event.createdAt()));
                    work.record(event);
                });
                commits.put(event.id(), lastCommit.get());
            });
            Latencies.await(() -> starts.size() >= count, Duration.ofSeconds(60), "the processor to start every handler");
            return Latencies.percentiles(millis(commits, starts));
        }

        @Override
        public void close() {
            try {
                wake.close();
                stamp.close();
            } catch (Exception e) {
                throw new BenchmarkException("removing the commit listeners failed: " + e.getMessage(), e);
            } finally {
                processor.close();
            }
        }
    }

    /** The baseline: plain JDBC insert and commit, then a waiting thread woken to run the bare claim. */
    private final class Bare implements AutoCloseable {
        private final RawEnqueue writer;
        private final BareDrain drain;
        private final Map<UUID, Long> commits = new ConcurrentHashMap<>();
        private final Map<UUID, Long> starts = new ConcurrentHashMap<>();
        private final Object signal = new Object();
        private final Thread claimer;
        private boolean triggered;
        private volatile boolean running = true;

        Bare(BenchStore store) {
            this.writer = new RawEnqueue(store);
            this.drain = new BareDrain(store, "bare-latency", DrainScenario.BARE_BATCH);
            this.claimer = new Thread(this::claimLoop, "bare-claimer");
            claimer.setDaemon(true);
            claimer.start();
        }

        List<Double> run(int count, int rate) {
            commits.clear();
            starts.clear();
            Latencies.paced(count, rate, i -> {
                OutboxEvent event = Notes.created(UUID.randomUUID().toString(), clock.instant(), Notes.metadata(i));
                writer.write(List.of(event));
                commits.put(event.id(), System.nanoTime());
                synchronized (signal) {
                    triggered = true;
                    signal.notifyAll();
                }
            });
            Latencies.await(() -> starts.size() >= count, Duration.ofSeconds(60), "the bare claimer");
            return Latencies.percentiles(millis(commits, starts));
        }

        private void claimLoop() {
            while (running) {
                synchronized (signal) {
                    while (!triggered && running) {
                        try {
                            signal.wait(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    triggered = false;
                }
                drain.drainAll(row -> starts.putIfAbsent(row.id(), System.nanoTime()));
            }
        }

        /** Stops the claimer and waits for its last drain, so the store is never closed under it. */
        @Override
        public void close() {
            running = false;
            claimer.interrupt();
            try {
                claimer.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
