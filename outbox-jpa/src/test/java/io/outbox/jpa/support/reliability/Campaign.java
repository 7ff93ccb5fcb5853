package io.outbox.jpa.support.reliability;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * How a reliability campaign runs: its mode (the CI budget or the long mode on demand), its
 * seed, printed so any failure can be replayed, and how many rounds it makes.
 *
 * <p>Set by system properties, which Maven passes on to the tests:
 * {@code -Dreliability.mode=long}, {@code -Dreliability.seed=N} (replays a run),
 * {@code -Dreliability.rounds=N} (overrides the mode's rounds).
 */
public final class Campaign {
    private final String name;
    private final boolean longMode;
    private final long seed;
    private final int rounds;

    private Campaign(String name, boolean longMode, long seed, int rounds) {
        this.name = name;
        this.longMode = longMode;
        this.seed = seed;
        this.rounds = rounds;
    }

    /**
     * The campaign's settings: {@code ciRounds} in a normal build, {@code longRounds} in long
     * mode, unless {@code reliability.rounds} says otherwise. The seed is random unless given.
     */
    public static Campaign of(String name, int ciRounds, int longRounds) {
        boolean longMode = "long".equalsIgnoreCase(System.getProperty("reliability.mode", "ci"));
        String seedProperty = System.getProperty("reliability.seed", "");
        long seed = seedProperty.isBlank() ? new Random().nextLong() : Long.parseLong(seedProperty.trim());
        String roundsProperty = System.getProperty("reliability.rounds", "");
        int rounds = roundsProperty.isBlank() ? (longMode ? longRounds : ciRounds) : Integer.parseInt(roundsProperty.trim());
        Campaign campaign = new Campaign(name, longMode, seed, rounds);
        System.out.println(campaign.replayHint());
        return campaign;
    }

    public String name() {
        return name;
    }

    public boolean longMode() {
        return longMode;
    }

    public long seed() {
        return seed;
    }

    public int rounds() {
        return rounds;
    }

    /** A random source for round {@code round}: the same seed and round always give the same choices. */
    public Random random(int round) {
        // mixed through SplittableRandom: Random(seed * 31 + round) gave neighbouring rounds nearly the same first draw
        return new Random(new SplittableRandom(seed + round * 0x9E3779B97F4A7C15L).nextLong());
    }

    /** What to put in every assertion message, so a failure says how to replay it. */
    public String replayHint() {
        return "campaign " + name + " seed " + seed + " (" + rounds + " rounds" + (longMode ? ", long mode" : "")
                + "); replay with -Dreliability.seed=" + seed;
    }

    /** {@link #replayHint()} plus the round, for a failure inside one round. */
    public String replayHint(int round) {
        return replayHint() + ", failed in round " + round;
    }
}
