package io.outbox.benchmarks.scenario;

import io.outbox.jpa.Dialect;
import io.outbox.processor.ProcessorConfig;

import java.util.List;
import java.util.Locale;

/**
 * Processor configs the drain is measured with: the defaults, the best one found on each
 * store while writing these benchmarks, and the candidates a full run sweeps. Stateless.
 */
public final class Configs {
    private Configs() {
    }

    /** The best config found on each store (kept current by hand from full runs' sweeps). */
    public static ProcessorConfig tuned(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? of(500, 4) : of(500, 2);
    }

    /** What a full run tries, each once, before measuring the winner. */
    public static List<ProcessorConfig> candidates() {
        return List.of(of(100, 1), of(100, 4), of(500, 1), of(500, 2), of(500, 4), of(1_000, 4));
    }

    public static ProcessorConfig of(int batchSize, int concurrency) {
        return ProcessorConfig.builder().batchSize(batchSize).concurrency(concurrency).build();
    }

    /** {@code batch 500, concurrency 4}. */
    public static String describe(ProcessorConfig config) {
        return String.format(Locale.ROOT, "batch %d, concurrency %d", config.batchSize(), config.concurrency());
    }
}
