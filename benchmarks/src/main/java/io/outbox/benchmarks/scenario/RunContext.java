package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.harness.Repetitions;
import io.outbox.benchmarks.store.BenchStore;
import io.outbox.benchmarks.store.StoreLocations;
import io.outbox.jpa.Dialect;
import io.outbox.processor.ProcessorConfig;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What every scenario of one run shares: the sizes, the repetitions, fresh stores, the stores
 * asked for, a work directory for worker logs, the app jars the cli scenario runs, and the best
 * drain config found so far per store (the drain scenario may replace it; later scenarios use it).
 * Confined to the runner's thread.
 */
public final class RunContext {
    private final Sizes sizes;
    private final StoreLocations locations;
    private final List<Dialect> dialects;
    private final Path workDir;
    private final CliJars cliJars;
    private final Map<Dialect, ProcessorConfig> best = new EnumMap<>(Dialect.class);

    public RunContext(Sizes sizes, StoreLocations locations, List<Dialect> dialects, Path workDir) {
        this(sizes, locations, dialects, workDir, CliJars.defaults());
    }

    public RunContext(Sizes sizes, StoreLocations locations, List<Dialect> dialects, Path workDir, CliJars cliJars) {
        this.sizes = sizes;
        this.locations = locations;
        this.dialects = List.copyOf(dialects);
        this.workDir = workDir;
        this.cliJars = cliJars;
        for (Dialect d : Dialect.values()) {
            best.put(d, Configs.tuned(d));
        }
    }

    public Sizes sizes() {
        return sizes;
    }

    public Repetitions repetitions() {
        return new Repetitions(sizes.warmups(), sizes.repetitions());
    }

    public List<Dialect> dialects() {
        return dialects;
    }

    public Path workDir() {
        return workDir;
    }

    /** The fitiq-app and lume-app jars the cli scenario runs. */
    public CliJars cliJars() {
        return cliJars;
    }

    /** The URL of a new empty store (a Derby directory or a PostgreSQL schema, removed at the end of the run). */
    public String freshUrl(Dialect dialect) {
        return locations.fresh(dialect);
    }

    public BenchStore openFresh(Dialect dialect) {
        return BenchStore.open(freshUrl(dialect));
    }

    public ProcessorConfig best(Dialect dialect) {
        return best.get(dialect);
    }

    public void best(Dialect dialect, ProcessorConfig config) {
        best.put(dialect, config);
    }
}
