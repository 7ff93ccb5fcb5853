package io.outbox.benchmarks.scenario;

/**
 * How much work each scenario does. {@link #quick()} keeps the whole run under five minutes on
 * a 2-core machine and says in each row where it is smaller than the issue asks; {@link #full()}
 * uses the sizes. Immutable.
 *
 * @param name                 {@code quick} or {@code full}
 * @param warmups              untimed runs before the timed ones
 * @param repetitions          timed runs of each measurement
 * @param enqueueSingles       transactions of one note + event each, per run
 * @param enqueueBatches       transactions of 100 notes + events each, per run
 * @param drainBacklog         pending events per drain run
 * @param sweepBacklog         pending events per single run of each candidate config (full mode's sweep)
 * @param latencyEvents        events per latency run, written at {@link #latencyRate} per second
 * @param latencyRate          events written per second in the latency runs
 * @param historySmall         completed events in the small history
 * @param historyLarge         completed events in the large history
 * @param pendingSmall         pending events in the small backlog (and beside each history)
 * @param pendingLarge         pending events in the large backlog
 * @param growthClaims         claims of {@link #growthClaimSize} timed per growth run
 * @param growthClaimSize      events per timed claim
 * @param growthDrain          events delivered per growth drain run
 * @param memoryEvents         pending events drained under -Xmx256m
 * @param scaleOutBacklog      pending events per scale-out run
 */
public record Sizes(String name, int warmups, int repetitions, int enqueueSingles, int enqueueBatches,
                    int drainBacklog, int sweepBacklog, int latencyEvents, int latencyRate, int historySmall,
                    int historyLarge, int pendingSmall, int pendingLarge, int growthClaims, int growthClaimSize,
                    int growthDrain, int memoryEvents, int scaleOutBacklog) {

    public static Sizes quick() {
        return new Sizes("quick", 1, 3, 500, 50, 3_000, 0, 400, 200, 1_000, 100_000, 10_000, 30_000, 10, 100,
                1_000, 5_000, 5_000);
    }

    public static Sizes full() {
        return new Sizes("full", 1, 5, 5_000, 500, 20_000, 10_000, 2_000, 200, 1_000, 1_000_000, 10_000, 100_000,
                20, 100, 5_000, 1_000_000, 50_000);
    }

    public boolean quickMode() {
        return "quick".equals(name);
    }
}
