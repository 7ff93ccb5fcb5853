package io.outbox.benchmarks.harness;

import java.util.Objects;

/** A target a figure is held to, and whether this run met it. Immutable. */
public record Verdict(String target, Outcome outcome) {
    /** Met, missed, or not measured in this mode (a quick run skips the largest sizes). */
    public enum Outcome { PASS, MISS, NOT_RUN }

    public Verdict {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static Verdict of(String target, boolean met) {
        return new Verdict(target, met ? Outcome.PASS : Outcome.MISS);
    }

    public static Verdict notRun(String target) {
        return new Verdict(target, Outcome.NOT_RUN);
    }
}
