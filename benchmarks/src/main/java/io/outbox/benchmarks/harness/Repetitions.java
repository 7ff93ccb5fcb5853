package io.outbox.benchmarks.harness;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs warm-ups and then timed repetitions of several trials, interleaved: each repetition
 * runs every trial once, in turn, so a neighbour's build slowing the shared machine down hits
 * ours and the baseline alike and their ratio stays meaningful. Immutable.
 */
public record Repetitions(int warmups, int timed) {
    private static final Logger log = LoggerFactory.getLogger(Repetitions.class);

    public Repetitions {
        if (warmups < 0 || timed < 1) {
            throw new IllegalArgumentException("need warmups >= 0 and timed >= 1, got " + warmups + ", " + timed);
        }
    }

    /** The figures of ours and of its baseline, measured in the same run. */
    public record Paired(Summary ours, Summary baseline) {
    }

    public Paired paired(String what, Trial ours, Trial baseline) {
        List<Summary> both = interleaved(what, List.of(ours, baseline));
        return new Paired(both.get(0), both.get(1));
    }

    /** One summary per trial, in the order given. */
    public List<Summary> interleaved(String what, List<Trial> trials) {
        for (int i = 0; i < warmups; i++) {
            log.info("  {} warm-up {}: {}", what, i + 1, runAll(trials));
        }
        List<List<Double>> samples = new ArrayList<>();
        trials.forEach(t -> samples.add(new ArrayList<>()));
        for (int i = 0; i < timed; i++) {
            List<Double> figures = new ArrayList<>();
            for (int t = 0; t < trials.size(); t++) {
                double figure = trials.get(t).run();
                samples.get(t).add(figure);
                figures.add(figure);
            }
            log.info("  {} run {}: {}", what, i + 1, show(figures));
        }
        return samples.stream().map(Summary::of).toList();
    }

    /** Runs {@code figures} (several figures per run, such as p50, p95 and p99) as one interleaved group. */
    public List<List<Summary>> interleavedFigures(String what, List<Figures> trials) {
        for (int i = 0; i < warmups; i++) {
            for (Figures trial : trials) {
                log.info("  {} warm-up {}: {}", what, i + 1, show(trial.run()));
            }
        }
        List<List<List<Double>>> samples = new ArrayList<>();
        for (int t = 0; t < trials.size(); t++) {
            samples.add(new ArrayList<>());
        }
        for (int i = 0; i < timed; i++) {
            for (int t = 0; t < trials.size(); t++) {
                List<Double> figures = trials.get(t).run();
                log.info("  {} run {} trial {}: {}", what, i + 1, t + 1, show(figures));
                for (int f = 0; f < figures.size(); f++) {
                    if (samples.get(t).size() <= f) {
                        samples.get(t).add(new ArrayList<>());
                    }
                    samples.get(t).get(f).add(figures.get(f));
                }
            }
        }
        return samples.stream().map(perTrial -> perTrial.stream().map(Summary::of).toList()).toList();
    }

    /** A timed run that gives several figures at once. */
    @FunctionalInterface
    public interface Figures {
        List<Double> run();
    }

    private static String runAll(List<Trial> trials) {
        List<Double> figures = new ArrayList<>();
        trials.forEach(t -> figures.add(t.run()));
        return show(figures);
    }

    private static String show(List<Double> figures) {
        return figures.stream().map(Format::number).collect(Collectors.joining(" | "));
    }
}
