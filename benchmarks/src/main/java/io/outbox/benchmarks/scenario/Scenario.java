package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.harness.Row;

import java.util.List;

/** One numbered scenario of the issue: it measures ours and its baseline on each store it applies to. */
public interface Scenario {
    /** Short name, as {@code --only} takes it: enqueue, drain, latency, cross-latency, growth, memory, scale-out, cli, app-sync, user-bar. */
    String name();

    List<Row> run(RunContext context);
}
