package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.cli.JvmFloorMain;
import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.benchmarks.harness.Format;
import io.outbox.benchmarks.harness.Repetitions;
import io.outbox.benchmarks.harness.Row;
import io.outbox.benchmarks.harness.Stats;
import io.outbox.benchmarks.harness.Summary;
import io.outbox.benchmarks.harness.Trial;
import io.outbox.benchmarks.store.StoreLocations;
import io.outbox.testing.backend.StandInBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 7, cli: the apps' commands as a user runs them, {@code java -jar JAR --data-dir DIR
 * --user U COMMAND} with the plain {@code java} of this JVM's {@code java.home} and no JVM flag,
 * each on an existing embedded Derby store (made by that jar, untimed, with a few entries
 * first). The figure is the wall time of the whole process, from spawn to exit, in ms. The
 * baseline is the JVM floor: the same {@code java} running {@link JvmFloorMain} (prints one line)
 * from a directory holding only that class, timed in the same run. Every command, the floor
 * included, runs once untimed and then {@code 7} times (31 in full mode), the commands taking
 * turns so a noisy neighbour hits them alike. Every run must exit 0, else the scenario fails
 * quoting its stderr. Then the same round again while a {@code sync --watch} of each app serves
 * its store (issue 16: the commands reach it through Derby's network server, without booting
 * Derby, and their changes are delivered to a stand-in API in this JVM as they come); those rows
 * end in "(sync --watch serving)". The children's user cache ({@code XDG_CACHE_HOME}) is a fresh
 * folder of the run, and the timed runs start once the quick start's background training has
 * made each jar's class-data archive there. It needs no PostgreSQL and runs once whatever
 * {@code --stores} says.
 * Runs on the caller's thread.
 */
public final class CliScenario implements Scenario {
    private static final Logger log = LoggerFactory.getLogger(CliScenario.class);
    /** How to build the jars this scenario runs, for the message when one is missing. */
    public static final String BUILD_COMMAND = "./mvnw -B -q -pl benchmarks,fitiq-app,lume-app -am package -DskipTests";
    private static final String USER = "bench";
    private static final String TOKEN = "bench-token";
    private static final String SERVED = " (sync --watch serving)";
    private static final long SERVING_TIMEOUT_SECONDS = 120;
    private static final long TRAINING_TIMEOUT_SECONDS = 180;
    /** The user cache of the children ({@code XDG_CACHE_HOME}): a fresh one a run, as on a new machine. */
    private static final String CACHE = "cache";
    private static final int QUICK_RUNS = 7;
    private static final int FULL_RUNS = 31;
    private static final long TIMEOUT_MINUTES = 5;
    /** Variables the JVM reads flags from: cleared in the children, so no flag is added behind the user's back. */
    private static final List<String> JVM_FLAG_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS");

    @Override
    public String name() {
        return "cli";
    }

    @Override
    public List<Row> run(RunContext context) {
        CliJars jars = context.cliJars();
        Path fitiqJar = existing(jars.fitiq(), "--fitiq-jar");
        Path lumeJar = existing(jars.lume(), "--lume-jar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path dir = context.workDir().resolve("cli-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Path floorClasses = floorClasses(dir.resolve("floor-classes"));
            Path fitiqData = dir.resolve("fitiq-data");
            Path lumeData = dir.resolve("lume-data");
            log.info("cli: {} and {} with {}, stores in {}", fitiqJar, lumeJar, java, dir);

            Command floor = new Command(dir, "JVM floor", List.of(java.toString(), "-cp", floorClasses.toString(),
                    JvmFloorMain.class.getName()));
            App fitiq = new App(dir, java, fitiqJar, fitiqData, "fitiq-app");
            App lume = new App(dir, java, lumeJar, lumeData, "lume-app");

            makeStores(floor, fitiq, lume);
            awaitArchives(dir.resolve(CACHE));

            List<Command> timed = List.of(floor,
                    fitiq.command("progress", "add", "--type", "weight", "--quantity", "71"),
                    fitiq.command("progress", "list"),
                    fitiq.command("outbox", "stats"),
                    lume.command("mood", "add", "--valence", "0.4"),
                    lume.command("journal", "list"),
                    lume.command("outbox", "stats"));
            int runs = context.sizes().quickMode() ? QUICK_RUNS : FULL_RUNS;
            log.info("cli: {} commands, 1 untimed and {} timed runs each, taking turns; ms in this order: {}",
                    timed.size(), runs, names(timed));
            List<Summary> figures = new Repetitions(1, runs).interleaved("cli",
                    timed.stream().map(c -> (Trial) c::timedRun).toList());
            List<Row> rows = new ArrayList<>(rows(timed, figures, fitiqJar, lumeJar, java, ""));
            log.info("cli: again, while a sync --watch of each app serves its store and delivers to a stand-in API");
            try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(TOKEN));
                 Serving fitiqSync = fitiq.serve(backend); Serving lumeSync = lume.serve(backend)) {
                List<Summary> served = new Repetitions(1, runs).interleaved("cli served",
                        timed.stream().map(c -> (Trial) c::timedRun).toList());
                rows.addAll(rows(timed, served, fitiqJar, lumeJar, java, SERVED).subList(1, timed.size()));
            }
            return rows;
        } catch (IOException e) {
            throw new BenchmarkException("cli: " + e.getMessage(), e);
        } finally {
            StoreLocations.deleteTree(dir);
        }
    }

    /**
     * Waits until the quick start's background training (started by each jar's first command)
     * has made its class-data archive, so that every timed run maps it as a user's later commands do.
     */
    private static void awaitArchives(Path cache) {
        awaitArchives(cache, List.of("fitiq-app", "lume-app"));
    }

    /** As {@link #awaitArchives(Path)}, for the named jars ({@code fitiq-app}) alone. */
    static void awaitArchives(Path cache, List<String> apps) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TRAINING_TIMEOUT_SECONDS);
        for (String app : apps) {
            Path folder = cache.resolve(app);
            while (!trained(folder)) {
                if (System.nanoTime() > deadline) {
                    throw new BenchmarkException("cli: no class-data archive in " + folder + " after "
                            + TRAINING_TIMEOUT_SECONDS + " s; the quick start's training did not finish");
                }
                try {
                    Thread.sleep(200); // another process's work: nothing here to be woken by
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BenchmarkException("cli: interrupted waiting for the quick start's training", e);
                }
            }
        }
        log.info("cli: class-data archives made by the quick start's training in {}", cache);
    }

    /** An archive there, and no training running (its marker gone). */
    private static boolean trained(Path folder) {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            return names.stream().anyMatch(n -> n.endsWith(".jsa")) && names.stream().noneMatch(n -> n.endsWith(".training"));
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Makes each app's store by running the app itself: a few entries, then checks they list. */
    private static void makeStores(Command floor, App fitiq, App lume) {
        String line = floor.check().trim();
        if (!JvmFloorMain.LINE.equals(line)) {
            throw new BenchmarkException("cli: the JVM floor printed '" + line + "', not '" + JvmFloorMain.LINE + "'");
        }
        for (String quantity : List.of("70", "70.5", "71.2")) {
            fitiq.command("progress", "add", "--type", "weight", "--quantity", quantity).check();
        }
        fitiq.command("progress", "add", "--type", "steps", "--quantity", "8000").check();
        expectLines(fitiq.command("progress", "list").check(), 4, "fitiq-app progress list");
        List<String> moods = new ArrayList<>();
        for (String valence : List.of("0.2", "-0.3", "0.7")) {
            moods.add(lume.command("mood", "add", "--valence", valence, "--label", "calm").check().trim());
        }
        lume.command("journal", "add", "--title", "Morning", "--content", "A walk before work.", "--mood",
                moods.get(0)).check();
        lume.command("journal", "add", "--title", "Evening", "--content", "Read for an hour.").check();
        expectLines(lume.command("journal", "list").check(), 2, "lume-app journal list");
        log.info("cli: stores made (fitiq-app: 4 progress entries; lume-app: 3 mood and 2 journal entries)");
    }

    private static void expectLines(String stdout, int atLeast, String what) {
        long lines = stdout.lines().filter(l -> !l.isBlank()).count();
        if (lines < atLeast) {
            throw new BenchmarkException("cli: " + what + " printed " + lines + " lines, expected at least " + atLeast
                    + ", on the store just made: " + stdout.strip());
        }
    }

    private List<Row> rows(List<Command> timed, List<Summary> figures, Path fitiqJar, Path lumeJar, Path java,
                           String suffix) {
        Summary floor = figures.get(0);
        double floorP90 = Stats.percentile(floor.samples(), 90);
        List<Row> rows = new ArrayList<>();
        rows.add(Row.oursOnly(name(), "derby", timed.get(0).label(), "ms", floor)
                .withNote("p90 " + Format.number(floorP90) + " ms; " + java + " -cp DIR " + JvmFloorMain.class.getName()
                        + ", " + floor.samples().size() + " runs"));
        for (int i = 1; i < timed.size(); i++) {
            Summary command = figures.get(i);
            Row row = new Row(name(), "derby", timed.get(i).label() + suffix, "ms", Optional.of(command),
                    Optional.of(floor), Optional.empty(), "");
            String note = "p90 " + Format.number(Stats.percentile(command.samples(), 90)) + " ms (floor p90 "
                    + Format.number(floorP90) + ")";
            if (i == 1) {
                note += "; " + fitiqJar;
            } else if (i == 4) {
                note += "; " + lumeJar;
            }
            rows.add(row.withNote(note));
        }
        return rows;
    }

    private static String names(List<Command> commands) {
        List<String> names = new ArrayList<>();
        for (Command c : commands) {
            names.add(c.label());
        }
        return String.join(" | ", names);
    }

    private static Path existing(Path jar, String option) {
        if (!Files.isRegularFile(jar)) {
            throw new BenchmarkException("cli: no " + jar.toAbsolutePath() + "; build the app jars with `" + BUILD_COMMAND
                    + "` from the repository root (or name another jar with " + option + ")");
        }
        return jar.toAbsolutePath();
    }

    /** A directory holding JvmFloorMain's class file alone, so the floor loads nothing of this jar. */
    private static Path floorClasses(Path root) throws IOException {
        String resource = JvmFloorMain.class.getName().replace('.', '/') + ".class";
        Path target = root.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = JvmFloorMain.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new BenchmarkException("cli: cannot find " + resource + " on the class path");
            }
            Files.copy(in, target);
        }
        return root;
    }

    /** One app jar on its own store: {@code java -jar JAR --data-dir DIR --user bench ...}. */
    private record App(Path workDir, Path java, Path jar, Path dataDir, String name) {
        /** Starts {@code sync --watch} against {@code backend} and waits until it serves the store. */
        Serving serve(StandInBackend backend) throws IOException {
            List<String> line = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString(), "--data-dir",
                    dataDir.toString(), "--user", USER, "sync", "--api", backend.baseUri().toString(), "--watch"));
            ProcessBuilder builder = new ProcessBuilder(line).directory(workDir.toFile())
                    .redirectOutput(workDir.resolve(name + "-sync.out").toFile())
                    .redirectError(workDir.resolve(name + "-sync.err").toFile());
            JVM_FLAG_VARIABLES.forEach(builder.environment()::remove);
            builder.environment().put("XDG_CACHE_HOME", workDir.resolve(CACHE).toString());
            builder.environment().put(name.replace("-app", "").toUpperCase(Locale.ROOT) + "_API_TOKEN", TOKEN);
            Process process = builder.start();
            Serving serving = new Serving(process);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SERVING_TIMEOUT_SECONDS);
            while (!servedBy(dataDir.resolve("store"), process)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    serving.close();
                    throw new BenchmarkException("cli: " + name + " sync --watch did not serve its store within "
                            + SERVING_TIMEOUT_SECONDS + " s; stderr: " + Command.read(workDir.resolve(name + "-sync.err")));
                }
                try {
                    Thread.sleep(50); // another process's start-up: nothing here to be woken by
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    serving.close();
                    throw new BenchmarkException("cli: interrupted waiting for " + name + " sync --watch", e);
                }
            }
            return serving;
        }

        /**
         * Whether the store's server file (a properties file: port, pid, instance) names the process
         * or one of its children (the app's quick start runs the command in a child JVM).
         */
        private static boolean servedBy(Path database, Process process) {
            Properties file = new Properties();
            try (InputStream in = Files.newInputStream(database.resolveSibling("store.server"))) {
                file.load(in);
                String pid = file.getProperty("pid", "");
                return Long.toString(process.pid()).equals(pid)
                        || process.descendants().anyMatch(d -> Long.toString(d.pid()).equals(pid));
            } catch (IOException notYet) {
                return false;
            }
        }

        Command command(String... words) {
            List<String> line = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString(), "--data-dir",
                    dataDir.toString(), "--user", USER));
            line.addAll(List.of(words));
            return new Command(workDir, name + " " + String.join(" ", words), line);
        }
    }

    /** One command line, run in {@code workDir}; its output goes to files there. */
    private record Command(Path workDir, String label, List<String> line) {
        /** Runs it and gives the wall time of the process, spawn to exit, in ms; fails unless it exits 0. */
        double timedRun() {
            return run().millis();
        }

        /** Runs it (untimed use) and gives its stdout; fails unless it exits 0. */
        String check() {
            return run().stdout();
        }

        private Result run() {
            String file = label.replaceAll("[^A-Za-z0-9]+", "-");
            Path out = workDir.resolve(file + ".out");
            Path err = workDir.resolve(file + ".err");
            ProcessBuilder builder = new ProcessBuilder(line).directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = builder.environment();
            JVM_FLAG_VARIABLES.forEach(env::remove);
            env.put("XDG_CACHE_HOME", workDir.resolve(CACHE).toString());
            int exit;
            long start = System.nanoTime();
            long end;
            try {
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new BenchmarkException("cli: `" + String.join(" ", line) + "` still running after "
                            + TIMEOUT_MINUTES + " min; stderr: " + read(err));
                }
                end = System.nanoTime();
                exit = process.exitValue();
            } catch (IOException e) {
                throw new BenchmarkException("cli: cannot start `" + String.join(" ", line) + "`: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchmarkException("cli: interrupted running " + label, e);
            }
            if (exit != 0) {
                throw new BenchmarkException("cli: `" + String.join(" ", line) + "` exited " + exit + "; stderr: "
                        + read(err) + "; stdout: " + read(out));
            }
            return new Result((end - start) / 1e6, read(out));
        }

        private static File nullDevice() {
            return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
        }

        private static String read(Path file) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8).strip();
                return text.isEmpty() ? "(empty)" : text;
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        }
    }

    private record Result(double millis, String stdout) {
    }

    /** A running {@code sync --watch}; closing stops it as Ctrl-C would and waits for it. */
    private record Serving(Process process) implements AutoCloseable {
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
