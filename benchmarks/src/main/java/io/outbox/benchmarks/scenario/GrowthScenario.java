package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.baseline.BareDrain;
import io.outbox.benchmarks.harness.Row;
import io.outbox.benchmarks.harness.Stats;
import io.outbox.benchmarks.harness.Summary;
import io.outbox.benchmarks.harness.Trial;
import io.outbox.benchmarks.harness.Verdict;
import io.outbox.benchmarks.store.Backlog;
import io.outbox.benchmarks.store.BenchStore;
import io.outbox.benchmarks.store.Notes;
import io.outbox.jpa.Dialect;
import io.outbox.processor.OutboxProcessor;
import io.outbox.repository.ClaimOrder;
import io.outbox.repository.ClaimRequest;
import io.outbox.repository.OutboxRepository;
import io.outbox.repository.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Scenario 4, growth: what a claim costs and how fast the best config drains as the completed
 * history grows (small vs large, spread over the entities the pending events belong to) and
 * as the pending backlog grows. Claim cost: the median time of one
 * {@code repository.claim} of 100 events (ours) or one bare claim of 100 (baseline), ms.
 * Drain rate: the first events of the backlog delivered, events/s. Between runs the backlog
 * is restored to pending, so every run sees the same table. Target: claim cost with the large
 * history at most 1.5 times that with the small one.
 */
public final class GrowthScenario implements Scenario {
    private static final Logger log = LoggerFactory.getLogger(GrowthScenario.class);
    private static final double TARGET = 1.5;

    private final Clock clock = Clock.systemUTC();

    @Override
    public String name() {
        return "growth";
    }

    /** One table shape. */
    private record Point(long history, long pending) {
        String describe() {
            return String.format(Locale.ROOT, "%,d history / %,d pending", history, pending);
        }
    }

    /** Claim cost and drain rate, ours and baseline, at one point. */
    private record Figures(Row claim, Row drain) {
    }

    @Override
    public List<Row> run(RunContext context) {
        List<Row> rows = new ArrayList<>();
        for (Dialect dialect : context.dialects()) {
            try (BenchStore store = context.openFresh(dialect)) {
                rows.addAll(onStore(context, store));
            }
        }
        return rows;
    }

    private List<Row> onStore(RunContext context, BenchStore store) {
        Sizes sizes = context.sizes();
        Point base = new Point(sizes.historySmall(), sizes.pendingSmall());
        Point longHistory = new Point(sizes.historyLarge(), sizes.pendingSmall());
        Point longBacklog = new Point(sizes.historySmall(), sizes.pendingLarge());
        load(store, base, 0);
        Figures small = measure(context, store, base);
        load(store, longHistory, base.history());
        Figures history = measure(context, store, longHistory);
        store.truncate();
        load(store, longBacklog, 0);
        Figures backlog = measure(context, store, longBacklog);
        List<Row> rows = new ArrayList<>(List.of(small.claim(), history.claim(), backlog.claim(),
                small.drain(), history.drain(), backlog.drain()));
        String historyNote = sizes.historyLarge() < 1_000_000
                ? String.format(Locale.ROOT, "quick: %,d history, not 1,000,000", sizes.historyLarge()) : "";
        String pendingNote = sizes.pendingLarge() < 100_000
                ? String.format(Locale.ROOT, "quick: %,d pending, not 100,000", sizes.pendingLarge()) : "";
        Row historyGrowth = growth(store, "claim cost, history " + versus(longHistory.history(), base.history()),
                history.claim(), small.claim());
        rows.add(historyGrowth.withVerdict(Verdict.of("<= 1.5x", historyGrowth.ours().get().median() <= TARGET))
                .withNote(historyNote));
        rows.add(growth(store, "claim cost, pending " + versus(longBacklog.pending(), base.pending()),
                backlog.claim(), small.claim()).withNote(pendingNote));
        rows.add(growth(store, "drain rate, history " + versus(longHistory.history(), base.history()),
                history.drain(), small.drain()));
        rows.add(growth(store, "drain rate, pending " + versus(longBacklog.pending(), base.pending()),
                backlog.drain(), small.drain()));
        return rows;
    }

    /** Adds history (beyond {@code historyLoaded}) and, on an empty backlog, the pending events. */
    private static void load(BenchStore store, Point point, long historyLoaded) {
        long start = System.nanoTime();
        if (point.history() > historyLoaded) {
            Backlog.history(store, point.history() - historyLoaded);
        }
        if (store.count("event_type = '" + Notes.EVENT_TYPE + "'") == 0) {
            Backlog.pending(store, 1, point.pending());
        }
        Backlog.restore(store);
        store.analyze();
        log.info("growth on {}: loaded {} in {} s", store.label(), point.describe(),
                (System.nanoTime() - start) / 1_000_000_000);
    }

    private Figures measure(RunContext context, BenchStore store, Point point) {
        Sizes sizes = context.sizes();
        OutboxRepository repository = store.outbox().repository();
        BareDrain bare = new BareDrain(store, "bare-growth", DrainScenario.BARE_BATCH);
        Scope scope = new Scope(Optional.empty(), Set.of(Notes.EVENT_TYPE));
        Trial oursClaim = claims(store, sizes, () -> {
            Instant now = clock.instant();
            repository.claim(new ClaimRequest("growth", sizes.growthClaimSize(), now, now.plus(Duration.ofMinutes(5)),
                    scope, ClaimOrder.PRIORITY_FIRST));
        });
        Trial bareClaim = claims(store, sizes, () -> bare.claimOnly(sizes.growthClaimSize()));
        Row claim = Row.paired(name(), store.label(), "claim of " + sizes.growthClaimSize() + ", "
                + point.describe(), "ms", context.repetitions().paired("claim " + point.describe(), oursClaim, bareClaim));
        NoOpHandler handler = new NoOpHandler();
        try (OutboxProcessor processor = OutboxProcessor.builder(repository).handler(handler)
                .config(context.best(store.dialect())).exclusiveStore(store.outbox().exclusive()).build()) {
            Trial oursDrain = () -> {
                Backlog.restore(store);
                long start = System.nanoTime();
                long delivered = 0;
                while (delivered < sizes.growthDrain()) {
                    int batch = processor.processOnce().delivered();
                    if (batch == 0) {
                        break;
                    }
                    delivered += batch;
                }
                return delivered / ((System.nanoTime() - start) / 1e9);
            };
            Trial bareDrain = () -> {
                Backlog.restore(store);
                long start = System.nanoTime();
                long delivered = bare.drain(sizes.growthDrain(), row -> { });
                return delivered / ((System.nanoTime() - start) / 1e9);
            };
            Row drain = Row.paired(name(), store.label(), "drain, " + point.describe(), "events/s",
                    context.repetitions().paired("drain " + point.describe(), oursDrain, bareDrain));
            return new Figures(claim, drain);
        }
    }

    /** Restores the backlog, then times {@code claims} claims one by one; gives the median in ms. */
    private static Trial claims(BenchStore store, Sizes sizes, Runnable claim) {
        return () -> {
            Backlog.restore(store);
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < sizes.growthClaims(); i++) {
                long start = System.nanoTime();
                claim.run();
                millis.add((System.nanoTime() - start) / 1e6);
            }
            return Stats.median(millis);
        };
    }

    private static String versus(long large, long small) {
        return String.format(Locale.ROOT, "%,d vs %,d", large, small);
    }

    /** Large over small, for ours and for the baseline, from the medians. */
    private Row growth(BenchStore store, String measure, Row large, Row small) {
        Summary ours = Summary.single(large.ours().get().median() / small.ours().get().median());
        Summary bare = Summary.single(large.baseline().get().median() / small.baseline().get().median());
        return new Row(name(), store.label(), measure, "x", Optional.of(ours), Optional.of(bare), Optional.empty(), "");
    }
}
