package io.outbox.jpa.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The java command every test runs a built jar with, for short-lived processes whose start-up
 * dominates a test: C1 only, the serial collector, and a dynamic class-data-sharing archive of
 * the jar (together they take a store-opening command from about 3 s to about 1.3 s here). The
 * archive is made once per jar and build, by one training run, under the module's
 * {@code target/test-jvm-cds/}, unless the jar's own module's tests made it already; without it
 * the jar runs the same, only slower. JVM logging is off, so no CDS warning ever reaches the
 * stdout or stderr that tests assert on. Processes that run for long want C2 (a test's own
 * {@code -XX:TieredStopAtLevel=4} brings it back). Thread-safe: the first caller for a jar makes
 * its archive while the others wait, in this JVM and in the module's other test forks.
 */
public final class TestJvm {
    private static final Path FOLDER = Path.of("target", "test-jvm-cds");
    /** With the archive mapped where it was made: this JDK's default relocates it, 0.15 s a run. */
    private static final String ONE_COMPILER = "-XX:CICompilerCount=1";
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", ONE_COMPILER,
            "-XX:+UseSerialGC", "-XX:-UsePerfData",
            "-Xshare:auto", "-Xlog:disable", "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(2);
    /** As the apps' quick start decides (outbox-cli's {@code QuickStart}, which this module cannot see). */
    private static final boolean HUGE_PAGES = hugePages();
    /** By archive file (jar name and build): the archive, or empty where its training failed. */
    private static final Map<Path, Optional<Path>> ARCHIVES = new HashMap<>();

    private TestJvm() {
    }

    private static boolean hugePages() {
        try {
            String modes = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            return modes.contains("[always]") || modes.contains("[madvise]");
        } catch (IOException | RuntimeException notLinux) {
            return false;
        }
    }

    /**
     * The run of a jar whose loaded classes go into its archive: its arguments, given a scratch
     * directory (deleted afterwards) they may prepare, and the exit code of a run that went through.
     */
    public record Training(Function<Path, List<String>> arguments, int exitCode) {
        /**
         * For fitiq-app and lume-app: the demo, which loads what most tests' commands load. It creates a
         * store (EclipseLink, Derby, Flyway), writes entries, and syncs them through the stand-in backend
         * with faults (HTTP client and server, retries). A training that only opened a store left out
         * HTTP and sync, and, once opening a current store stopped loading Flyway, Flyway too.
         */
        public static final Training APP_STORE = new Training(scratch -> List.of("demo", "--entries", "10",
                "--failure-rate", "0.3", "--seed", "1"), 0);
    }

    /**
     * {@code [java, quick start-up flags, the archive if any, jvmOptions..., -jar, jar]}: the jar's
     * arguments go after. {@code jvmOptions} are the test's own (a small heap, say).
     */
    public static List<String> command(Path jar, Training training, List<String> jvmOptions) {
        Path absolute = jar.toAbsolutePath();
        List<String> command = new ArrayList<>(quickStart());
        if (jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:TieredStopAtLevel"))) {
            command.remove(ONE_COMPILER); // C2 wants two compiler threads; the JVM refuses to start with one
        }
        archive(absolute, training).ifPresent(jsa -> command.add("-XX:SharedArchiveFile=" + jsa));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", absolute.toString()));
        return List.copyOf(command);
    }

    private static List<String> quickStart() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(QUICK_START);
        if (HUGE_PAGES) {
            command.add("-XX:+UseTransparentHugePages"); // as the apps' quick start does: fewer costly page faults
        }
        return command;
    }

    /** This build's archive of the jar, made on first use; empty if it could not be made. */
    private static synchronized Optional<Path> archive(Path jar, Training training) {
        try {
            String build = name(jar) + "-" + Files.getLastModifiedTime(jar).toMillis() + "-" + Files.size(jar) + ".jsa";
            Path ours = FOLDER.toAbsolutePath().resolve(build);
            if (!ARCHIVES.containsKey(ours)) { // theirs: the jar's own module's, whose target/ holds the jar
                Path theirs = jar.resolveSibling(FOLDER.getFileName()).resolve(build);
                // one training per jar and build across the module's test forks: the others wait for it
                Path lock = Files.createDirectories(ours.getParent()).resolve(name(jar) + ".lock");
                try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock held = channel.lock()) {
                    ARCHIVES.put(ours, Files.isRegularFile(ours) ? Optional.of(ours) : fresh(jar, training, ours, theirs));
                }
            }
            return ARCHIVES.get(ours);
        } catch (IOException noArchive) {
            return Optional.empty(); // the jar runs without one, only slower (or the run says what is wrong with it)
        }
    }

    /** Deletes our archives of the jar's earlier builds (50 MB each); then theirs, if there is one, or a new one. */
    private static Optional<Path> fresh(Path jar, Training training, Path ours, Path theirs) throws IOException {
        deleteEarlierBuilds(jar, Files.createDirectories(ours.getParent()), ours.getFileName().toString());
        return Files.isRegularFile(theirs) ? Optional.of(theirs) : train(jar, training, ours);
    }

    /** Runs the training, dumping the classes it loaded into {@code jsa}; empty if the training failed. */
    private static Optional<Path> train(Path jar, Training training, Path jsa) {
        // the fork's own part file: one left by a fork killed mid-training is never taken for an archive
        Path part = jsa.resolveSibling(jsa.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("test-jvm-training");
            List<String> command = quickStart();
            command.addAll(List.of("-XX:ArchiveClassesAtExit=" + part, "-jar", jar.toString()));
            command.addAll(training.arguments().apply(scratch));
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().keySet().removeIf(k -> k.startsWith("FITIQ_") || k.startsWith("LUME_"));
            Process run = builder.start();
            if (!run.waitFor(TRAINING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                run.destroyForcibly().waitFor();
                return Optional.empty();
            }
            if (run.exitValue() != training.exitCode() || !Files.isRegularFile(part)) {
                return Optional.empty();
            }
            return Optional.of(Files.move(part, jsa, StandardCopyOption.ATOMIC_MOVE));
        } catch (IOException | RuntimeException noArchive) {
            return Optional.empty(); // the jar runs without one, only slower
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            delete(part);
            delete(scratch);
        }
    }

    private static void deleteEarlierBuilds(Path jar, Path folder, String current) throws IOException {
        Pattern earlier = Pattern.compile(Pattern.quote(name(jar)) + "-\\d+-\\d+\\.jsa(\\.\\d+\\.part)?");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.map(Path::getFileName).map(Path::toString).filter(f -> !f.startsWith(current))
                    .filter(f -> earlier.matcher(f).matches()).map(folder::resolve).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The jar's file name without {@code .jar}. */
    private static String name(Path jar) {
        return jar.getFileName().toString().replaceFirst("\\.jar$", "");
    }

    private static void delete(Path path) {
        if (path == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException leftBehind) {
            // a scratch directory, or a part archive that was never written
        }
    }
}
