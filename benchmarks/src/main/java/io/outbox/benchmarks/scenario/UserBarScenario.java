package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.benchmarks.harness.Row;
import io.outbox.benchmarks.harness.Stats;
import io.outbox.benchmarks.harness.Summary;
import io.outbox.benchmarks.harness.Verdict;
import io.outbox.benchmarks.store.StoreLocations;
import io.outbox.jpa.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Scenario 9, user-bar: the design's promise, "processing latency &lt; 1 s for high-priority events",
 * while a big import drains. FitIQ imports a CSV of 5,000 entries per sync (1,000 in quick mode);
 * {@code sync --watch} with default options delivers it to a stand-in answering after 20 ms; once the
 * import is delivering, the user makes 50 changes (10 in quick mode), each a {@code progress add}
 * process of its own, spread over 30 % of the drain's expected rest (split between the syncs). Each
 * change's latency runs from its commit (its event's {@code created_at}, stamped just before the
 * commit: the command's exit comes later by the JVM's shutdown, and the change may be delivered before
 * it) to the stand-in having received its request (before the stand-in's 20 ms). Rows: p50, p99 and
 * max over the changes, against 1 s; the import entries still to arrive when the last change arrived,
 * and how many changes were committed while the import drained (all of them, or the run says so). On
 * Derby with one sync (an embedded store has one); on PostgreSQL with one and with two syncs on the
 * same store. One run each: every run takes about a minute. Each run's arrivals and commits are
 * written to {@code user-bar-STORE-SYNCS.csv} in the work directory. Runs on the caller's thread.
 */
public final class UserBarScenario implements Scenario {
    private static final Logger log = LoggerFactory.getLogger(UserBarScenario.class);
    private static final double BAR_MILLIS = 1_000;

    @Override
    public String name() {
        return "user-bar";
    }

    @Override
    public List<Row> run(RunContext context) {
        boolean quick = context.sizes().quickMode();
        int importSize = quick ? 1_000 : 5_000;
        int changes = quick ? 10 : 50;
        AppJar app;
        try {
            app = AppJar.fitiq(context, name());
        } catch (IOException e) {
            throw new BenchmarkException("user-bar: " + e.getMessage(), e);
        }
        try {
            app.train();
            List<Row> rows = new ArrayList<>();
            for (Dialect dialect : context.dialects()) {
                for (int watchers : dialect == Dialect.DERBY ? List.of(1) : List.of(1, 2)) {
                    List<String> store = dialect == Dialect.DERBY
                            ? List.of("--data-dir", app.workDir().resolve("store-" + rows.size()).toString())
                            : List.of("--db-url", context.freshUrl(dialect));
                    // each sync gets an import of its own size to drain, so two keep draining as long as one
                    int size = importSize * watchers;
                    Path csv = AppSyncScenario.csv(app.workDir().resolve("import-" + size + ".csv"), size);
                    log.info("user-bar on {}: import {}, {} sync --watch, {} changes, backend {} ms", dialect,
                            size, watchers, changes, UserBarRun.DELAY_MILLIS);
                    Path trace = context.workDir().resolve(String.format(Locale.ROOT, "user-bar-%s-%d.csv",
                            dialect.name().toLowerCase(Locale.ROOT), watchers)).toAbsolutePath();
                    Overtaking result = new UserBarRun(app, store, watchers, size, changes, trace).run(csv);
                    rows.addAll(rows(dialect.name().toLowerCase(Locale.ROOT), watchers, size, result));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new BenchmarkException("user-bar: " + e.getMessage(), e);
        } finally {
            StoreLocations.deleteTree(app.workDir());
        }
    }

    private List<Row> rows(String store, int watchers, int importSize, Overtaking result) {
        List<Double> millis = result.millis();
        String syncs = watchers == 1 ? "1 sync --watch" : watchers + " sync --watch";
        String note = String.format(Locale.ROOT, "%s; import %,d, %d changes, backend %d ms; commit -> stand-in"
                + " received; most import entries arriving while one change waited: %d", syncs, importSize,
                millis.size(), UserBarRun.DELAY_MILLIS, result.mostImportWaitedFor());
        List<Row> rows = new ArrayList<>();
        rows.add(row(store, "p50, " + syncs, Stats.percentile(millis, 50), note));
        rows.add(row(store, "p99, " + syncs, Stats.percentile(millis, 99), "")
                .withVerdict(Verdict.of("p99 < 1 s", Stats.percentile(millis, 99) < BAR_MILLIS)));
        double max = Stats.percentile(millis, 100);
        rows.add(row(store, "max, " + syncs, max, "").withVerdict(Verdict.of("max < 1 s", max < BAR_MILLIS)));
        rows.add(new Row(name(), store, "import left at last change, " + syncs, "events",
                Optional.of(Summary.single(result.importPendingAtLast())), Optional.empty(), Optional.empty(),
                "entries of the import not yet at the backend when the last change arrived"));
        rows.add(new Row(name(), store, "changes committed while the import drained, " + syncs, "changes",
                Optional.of(Summary.single(result.duringImport())), Optional.empty(), Optional.empty(),
                "of " + millis.size() + "; the rest met an idle outbox")
                .withVerdict(Verdict.of("all", result.duringImport() == millis.size())));
        return rows;
    }

    private Row row(String store, String measure, double value, String note) {
        return new Row(name(), store, measure, "ms", Optional.of(Summary.single(value)), Optional.empty(),
                Optional.empty(), note);
    }
}
