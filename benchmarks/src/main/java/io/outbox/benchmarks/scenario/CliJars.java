package io.outbox.benchmarks.scenario;

import java.nio.file.Path;

/**
 * The app jars the cli scenario runs: by default the ones this tree builds
 * ({@code fitiq-app/target/fitiq-app.jar}, {@code lume-app/target/lume-app.jar}, relative to the
 * repository root where {@code benchmarks/run} starts), else those named by
 * {@code --fitiq-jar}/{@code --lume-jar} or the system properties {@code bench.fitiq.jar} /
 * {@code bench.lume.jar} (an older build's jars, for a before/after comparison). Immutable.
 */
public record CliJars(Path fitiq, Path lume) {
    public static final Path DEFAULT_FITIQ = Path.of("fitiq-app", "target", "fitiq-app.jar");
    public static final Path DEFAULT_LUME = Path.of("lume-app", "target", "lume-app.jar");

    /** The system properties when set, else the jars of this tree. */
    public static CliJars defaults() {
        return new CliJars(property("bench.fitiq.jar", DEFAULT_FITIQ), property("bench.lume.jar", DEFAULT_LUME));
    }

    public CliJars withFitiq(Path jar) {
        return new CliJars(jar, lume);
    }

    public CliJars withLume(Path jar) {
        return new CliJars(fitiq, jar);
    }

    private static Path property(String name, Path fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
