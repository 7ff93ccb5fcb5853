package io.outbox.benchmarks.scenario;

import java.util.List;

/**
 * Every scenario, in the order a run measures them (drain first: it picks the config the later ones use;
 * cli last: it starts app JVMs and touches no store of the others).
 */
public final class Scenarios {
    private Scenarios() {
    }

    public static List<Scenario> all() {
        return List.of(new DrainScenario(), new EnqueueScenario(), new LatencyScenario(),
                new CrossProcessLatencyScenario(), new GrowthScenario(), new MemoryScenario(), new ScaleOutScenario(),
                new CliScenario(), new AppSyncScenario(), new UserBarScenario());
    }
}
