package io.outbox.benchmarks.cli;

import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.benchmarks.harness.Report;
import io.outbox.benchmarks.harness.Row;
import io.outbox.benchmarks.scenario.CliJars;
import io.outbox.benchmarks.scenario.RunContext;
import io.outbox.benchmarks.scenario.Scenario;
import io.outbox.benchmarks.scenario.Scenarios;
import io.outbox.benchmarks.scenario.Sizes;
import io.outbox.benchmarks.store.StoreLocations;
import io.outbox.jpa.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the benchmarks ({@code benchmarks/run} starts it): every scenario, or those named with
 * {@code --only}, on Derby and PostgreSQL; prints the table and writes it as Markdown and JSON.
 * Exit code 0 when every scenario ran (a missed target is a result, not an error), 1 when one
 * failed, 2 on a usage error.
 */
public final class BenchmarkMain {
    private static final Logger log = LoggerFactory.getLogger(BenchmarkMain.class);
    private static final String USAGE = "usage: benchmarks/run [--quick | --full] [--only enqueue,drain,latency,"
            + "cross-latency,growth,memory,scale-out,cli,app-sync,user-bar] [--stores derby,postgresql] [--pg-url JDBC_URL] [--out DIR]"
            + " [--fitiq-jar JAR] [--lume-jar JAR]";

    private BenchmarkMain() {
    }

    /** The options of one run, read from the command line. */
    record Options(Sizes sizes, List<String> only, List<Dialect> stores, String postgresUrl, Path out, CliJars cliJars) {
        static Options parse(String[] args) {
            Sizes sizes = Sizes.full();
            List<String> only = List.of();
            List<Dialect> stores = List.of(Dialect.DERBY, Dialect.POSTGRESQL);
            String url = System.getenv().getOrDefault("BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            Path out = Path.of("benchmarks", "target");
            CliJars jars = CliJars.defaults();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> sizes = Sizes.quick();
                    case "--full" -> sizes = Sizes.full();
                    case "--only" -> only = List.of(value(args, ++i).split(","));
                    case "--stores" -> stores = Arrays.stream(value(args, ++i).split(","))
                            .map(s -> Dialect.valueOf(s.trim().toUpperCase(Locale.ROOT))).toList();
                    case "--pg-url" -> url = value(args, ++i);
                    case "--out" -> out = Path.of(value(args, ++i));
                    case "--fitiq-jar" -> jars = jars.withFitiq(Path.of(value(args, ++i)));
                    case "--lume-jar" -> jars = jars.withLume(Path.of(value(args, ++i)));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(sizes, only, stores, url, out, jars);
        }

        /** Whether a scenario that uses PostgreSQL runs: the cli and app-sync scenarios need none. */
        boolean usesPostgres() {
            return stores.contains(Dialect.POSTGRESQL)
                    && (only.isEmpty() || !only.stream().allMatch(name -> name.equals("cli") || name.equals("app-sync")));
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options));
    }

    static int run(Options options) {
        Path work = options.out().resolve("bench-work");
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            System.err.println("cannot create " + work + ": " + e.getMessage());
            return 1;
        }
        Report report = new Report();
        int failures = 0;
        long start = System.nanoTime();
        try (StoreLocations locations = new StoreLocations(options.postgresUrl(), work)) {
            Runtime.getRuntime().addShutdownHook(new Thread(locations::close, "drop-bench-stores"));
            Map<String, Object> about = about(options, locations);
            RunContext context = new RunContext(options.sizes(), locations, options.stores(), work,
                    options.cliJars());
            for (Scenario scenario : Scenarios.all()) {
                if (!options.only().isEmpty() && !options.only().contains(scenario.name())) {
                    continue;
                }
                log.info("== scenario {} ({} mode)", scenario.name(), options.sizes().name());
                try {
                    List<Row> rows = scenario.run(context);
                    report.addAll(rows);
                    writeResults(options.out(), report, about, start);
                } catch (RuntimeException e) {
                    failures++;
                    log.error("scenario {} failed: {}", scenario.name(), e.getMessage(), e);
                }
            }
            writeResults(options.out(), report, about, start);
            System.out.println(header(about));
            System.out.println(MarkdownTable.render(report.rows()));
            printVerdicts(report);
            System.out.printf(Locale.ROOT, "%nwritten: %s and %s (%.0f s)%n", options.out().resolve("results.json"),
                    options.out().resolve("results.md"), (System.nanoTime() - start) / 1e9);
        } catch (BenchmarkException e) {
            System.err.println("benchmarks stopped: " + e.getMessage());
            return 1;
        }
        return failures == 0 ? 0 : 1;
    }

    private static void printVerdicts(Report report) {
        System.out.println("targets:");
        for (Row row : report.withVerdicts()) {
            System.out.printf(Locale.ROOT, "  %-7s %s / %s / %s: %s%n",
                    row.verdict().get().outcome().name().toLowerCase(Locale.ROOT), row.scenario(), row.store(),
                    row.measure(), row.verdict().get().target());
        }
    }

    private static Map<String, Object> about(Options options, StoreLocations locations) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("date", ZonedDateTime.now(Clock.systemUTC()).withZoneSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        about.put("mode", options.sizes().name());
        about.put("nproc", Runtime.getRuntime().availableProcessors());
        about.put("java", System.getProperty("java.runtime.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.name") + ")");
        about.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        about.put("postgresql", options.usesPostgres() ? locations.postgresVersion() : null);
        about.put("derby", org.apache.derby.tools.sysinfo.getVersionString());
        return about;
    }

    /**
     * Quick sizes mostly time the JIT warming up (a bare drain of 3,000 events went 3,677, 5,413
     * and 12,437 /s in three runs), so a quick run's figures check that everything runs, and only
     * full mode's are measurements.
     */
    static final String QUICK_IS_SMOKE = "Quick mode is a smoke run: its small sizes mostly time the JIT warming up;"
            + " compare full-mode figures (benchmarks/run) for measurements.";

    private static String header(Map<String, Object> about) {
        return "Benchmarks, " + about.get("mode") + " mode, " + about.get("date") + "; " + about.get("nproc")
                + " cores; " + about.get("java") + "; PostgreSQL " + about.get("postgresql") + "; Derby "
                + about.get("derby") + "\n" + ("quick".equals(about.get("mode")) ? QUICK_IS_SMOKE + "\n" : "");
    }

    private static void writeResults(Path out, Report report, Map<String, Object> about, long start) {
        Map<String, Object> all = new LinkedHashMap<>(about);
        all.put("seconds", Math.round((System.nanoTime() - start) / 1e9));
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("results.json"), report.toJson(all), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("results.md"), header(about) + "\n" + MarkdownTable.render(report.rows()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("could not write results to {}: {}", out, e.getMessage());
        }
    }
}
