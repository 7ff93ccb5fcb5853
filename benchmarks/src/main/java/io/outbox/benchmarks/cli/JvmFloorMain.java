package io.outbox.benchmarks.cli;

/**
 * The JVM floor of the cli scenario: a main class that prints one line and returns, so timing
 * {@code java -cp DIR io.outbox.benchmarks.cli.JvmFloorMain} gives what any command line pays
 * before the app's own code runs (JVM start-up, one class loaded, exit). It depends on nothing
 * but java.base: the scenario copies this class alone into a directory and runs it from there.
 */
public final class JvmFloorMain {
    /** What it prints; the scenario checks it. */
    public static final String LINE = "jvm floor";

    private JvmFloorMain() {
    }

    public static void main(String[] args) {
        System.out.println(LINE);
    }
}
