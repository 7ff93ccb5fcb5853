package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.baseline.RawEnqueue;
import io.outbox.benchmarks.harness.Repetitions;
import io.outbox.benchmarks.harness.Row;
import io.outbox.benchmarks.harness.Trial;
import io.outbox.benchmarks.harness.Verdict;
import io.outbox.benchmarks.store.BenchStore;
import io.outbox.benchmarks.store.Notes;
import io.outbox.event.OutboxEvent;
import io.outbox.jpa.Dialect;
import io.outbox.jpa.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Scenario 1, enqueue: a note and its event written in one transaction through the unit of
 * work, one and a hundred per transaction, against plain JDBC writing the same rows (JDBC
 * batches for a hundred). Figures are events per second; the target is 0.8 of plain JDBC.
 * Runs on the caller's thread.
 */
public final class EnqueueScenario implements Scenario {
    private static final Logger log = LoggerFactory.getLogger(EnqueueScenario.class);
    private static final double TARGET = 0.8;
    private static final int BATCH = 100;

    private final Clock clock = Clock.systemUTC();
    private long seq;

    @Override
    public String name() {
        return "enqueue";
    }

    @Override
    public List<Row> run(RunContext context) {
        List<Row> rows = new ArrayList<>();
        for (Dialect dialect : context.dialects()) {
            try (BenchStore store = context.openFresh(dialect)) {
                rows.add(measure(context, store, 1, context.sizes().enqueueSingles()));
                rows.add(measure(context, store, BATCH, context.sizes().enqueueBatches()));
            }
        }
        return rows;
    }

    private Row measure(RunContext context, BenchStore store, int perTransaction, int transactions) {
        log.info("enqueue on {}: {} transactions of {}", store.label(), transactions, perTransaction);
        UnitOfWork unitOfWork = store.outbox().unitOfWork();
        RawEnqueue raw = new RawEnqueue(store);
        Trial ours = timed(store, perTransaction, transactions, () -> {
            List<OutboxEvent> events = events(perTransaction);
            unitOfWork.write(work -> {
                for (OutboxEvent event : events) {
                    work.entityManager().persist(Notes.note(event.entityId(), event.createdAt()));
                    work.record(event);
                }
            });
        });
        Trial baseline = timed(store, perTransaction, transactions, () -> raw.write(events(perTransaction)));
        Repetitions.Paired figures = context.repetitions().paired("enqueue " + perTransaction + "/tx", ours, baseline);
        String measure = perTransaction == 1 ? "1 per transaction" : perTransaction + " per transaction";
        Row row = Row.paired(name(), store.label(), measure, "events/s", figures);
        return row.withVerdict(Verdict.of("ratio >= " + TARGET, row.ratio().orElse(0.0) >= TARGET));
    }

    /** Empties the tables, then times {@code transactions} calls of {@code write}; gives events per second. */
    private static Trial timed(BenchStore store, int perTransaction, int transactions, Runnable write) {
        return () -> {
            store.truncate();
            long start = System.nanoTime();
            for (int i = 0; i < transactions; i++) {
                write.run();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return perTransaction * (double) transactions / seconds;
        };
    }

    /** The same events for ours and the baseline: note id, creation time and metadata. */
    private List<OutboxEvent> events(int count) {
        List<OutboxEvent> events = new ArrayList<>(count);
        Instant now = clock.instant();
        for (int i = 0; i < count; i++) {
            events.add(Notes.created(UUID.randomUUID().toString(), now, Notes.metadata(++seq)));
        }
        return events;
    }
}
