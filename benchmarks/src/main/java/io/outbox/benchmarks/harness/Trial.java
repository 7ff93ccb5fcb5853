package io.outbox.benchmarks.harness;

/** One timed run of a measurement; it prepares its own data untimed and returns its figure (events/s, ms...). */
@FunctionalInterface
public interface Trial {
    double run();
}
