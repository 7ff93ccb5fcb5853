package io.outbox.testing.backend;

import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Draws the fault of each request from a seeded {@link Random}, the same number of draws every
 * time, so the same seed and the same sequence of requests give the same faults. Thread-safe.
 */
final class FaultDice {
    private final double rate;
    private final List<FaultKind> kinds;
    private final Random random;

    FaultDice(FaultPlan plan, long seed) {
        this.rate = plan.rate();
        this.kinds = List.copyOf(plan.kinds());
        this.random = new Random(seed);
    }

    synchronized Optional<Fault> roll() {
        double chance = random.nextDouble();
        FaultKind kind = kinds.get(random.nextInt(kinds.size()));
        boolean httpDate = random.nextBoolean();
        return chance < rate ? Optional.of(new Fault(kind, httpDate)) : Optional.empty();
    }
}
