package io.outbox.tools.migration.reliability;

import io.outbox.tools.migration.cli.Databases;
import io.outbox.tools.migration.cli.JarRun;
import io.outbox.tools.migration.fixture.LegacyFixture;
import io.outbox.tools.migration.jdbc.DerbyDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JVM options the campaigns run the built jar with: quick start-up for short-lived runs, and
 * a class-data archive of what a migrate run loads, dumped once per test JVM by one such run (a
 * third off every start on this machine). Neither changes what a run does or what a kill leaves.
 * Thread-safe.
 */
final class MigrationJar {
    private static final Path ARCHIVE = Path.of("target", "reliability", "migration-tools.jsa");
    private static final List<String> QUICK = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
            "-Xlog:disable");
    private static Optional<Path> archive;

    private MigrationJar() {
    }

    static synchronized List<String> jvm() {
        if (archive == null) {
            archive = dump();
        }
        List<String> options = new ArrayList<>(QUICK);
        archive.ifPresent(file -> options.add("-XX:SharedArchiveFile=" + file.toAbsolutePath()));
        return List.copyOf(options);
    }

    /** Runs migrate once over a small fixture, dumping the classes it loaded; empty when that fails (the runs are only slower). */
    private static Optional<Path> dump() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("migration-cds");
            Files.createDirectories(ARCHIVE.toAbsolutePath().getParent());
            Files.deleteIfExists(ARCHIVE);
            String store = "jdbc:derby:" + dir.resolve("legacy");
            Databases.with(store + ";create=true", c -> LegacyFixture.write(c, LegacyFixture.Store.DERBY,
                    "lume_outbox_v6", 100, 1));
            DerbyDatabases.shutDown(store);
            List<String> options = new ArrayList<>(QUICK.subList(0, 2));
            options.addAll(List.of("-Xlog:disable", "-XX:ArchiveClassesAtExit=" + ARCHIVE.toAbsolutePath()));
            try (JarRun run = JarRun.start(dir, options, "migrate", "--source", store, "--report",
                    dir.resolve("report.json").toString())) {
                int code = run.await(Duration.ofMinutes(2));
                return code <= 1 && Files.size(ARCHIVE) > 0 ? Optional.of(ARCHIVE) : Optional.empty();
            }
        } catch (IOException | RuntimeException noArchive) {
            return Optional.empty();
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException leftBehind) {
            // a temporary directory
        }
    }
}
