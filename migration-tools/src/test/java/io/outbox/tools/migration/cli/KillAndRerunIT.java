package io.outbox.tools.migration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.outbox.tools.migration.fixture.Fixture;
import io.outbox.tools.migration.fixture.LegacyFixture;
import io.outbox.tools.migration.jdbc.DerbyDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 20,000 legacy rows on Derby, migrated by the built jar in a process of its own with a 64 MB
 * heap: a clean run, and a run killed with SIGKILL once it has committed batches and then run
 * again, end with the same events, field by field. (50,000 rows until 2026-12-06, cut for the
 * suite's time; 30,000 rows also passed under a 48 MB heap, peak 46 MB, so migrate streams.)
 */
class KillAndRerunIT {
    private static final Logger log = LoggerFactory.getLogger(KillAndRerunIT.class);
    private static final int ROWS = 20_000;
    // A run migrates for about half a minute, long enough for C2 to pay for itself (some 5 s a run
    // here), so the runs take back the compiler that TestJvm's C1-only start leaves out.
    private static final List<String> SMALL_HEAP_WITH_C2 = List.of("-Xmx64m", "-XX:TieredStopAtLevel=4");
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern COMMITTED = Pattern.compile("migrate: (\\d+) of \\d+ rows read .*: (\\d+) migrated");

    @TempDir
    static Path dir;
    static String source;
    static Fixture fixture;
    static String checksum;

    @BeforeAll
    static void writeLegacyRows() throws SQLException {
        source = "jdbc:derby:" + dir.resolve("legacy") + ";create=true";
        try (Connection connection = DriverManager.getConnection(source)) {
            fixture = LegacyFixture.write(connection, LegacyFixture.Store.DERBY, "lume_outbox_v6", ROWS, 7);
            checksum = LegacyFixture.checksum(connection, "lume_outbox_v6");
        }
        DerbyDatabases.shutDown(source); // the jar's process must be able to open it
    }

    @AfterAll
    static void shutDown() {
        DerbyDatabases.shutDown(source);
    }

    @Test
    void givenRunKilledMidway_whenRunAgain_thenTheSameEventsAsOneCleanRun() throws SQLException {
        String clean = target("clean");
        JsonNode cleanReport = migrate(clean, "clean.json");
        assertThat(cleanReport.get("migrated").asLong()).isEqualTo(fixture.migrated(Optional.empty()).size());
        long killedAt = killMidway(target("killed"));
        JsonNode rerun = migrate(target("killed"), "rerun.json");

        assertThat(rerun.get("already_present").asLong()).isEqualTo(killedAt);
        assertThat(rerun.get("migrated").asLong() + killedAt).isEqualTo(cleanReport.get("migrated").asLong());
        assertThat(rerun.get("quarantined").asLong()).isEqualTo(cleanReport.get("quarantined").asLong());
        assertThat(sameEvents(clean, target("killed"))).isEqualTo(cleanReport.get("migrated").asLong());
        assertThat(legacyChecksum()).isEqualTo(checksum);
        log.info("{} rows on Derby: clean run {} rows/s, peak heap {} MB (-Xmx64m); killed after {} events", ROWS,
                cleanReport.get("rows_per_second").asLong(), cleanReport.get("peak_heap_bytes").asLong() >> 20, killedAt);
    }

    /** Starts a run, waits for a progress line showing committed events, kills it; returns the events it left. */
    private long killMidway(String target) {
        try (JarRun run = JarRun.start(dir, SMALL_HEAP_WITH_C2, "migrate", "--source", source, "--target", target,
                "--batch-size", "100", "--report", dir.resolve("killed.json").toString())) {
            Optional<String> line = run.awaitErrLine(l -> committed(l) > 0, RUN_TIMEOUT);
            assertThat(line).as("a progress line with committed events; stderr: %s", run.err()).isPresent();
            run.kill();
        }
        long left = Databases.count(target, "outbox_event");
        DerbyDatabases.shutDown(target);
        assertThat(left).as("killed half-way, not before or after").isBetween(1L, ROWS - 1L);
        assertThat(dir.resolve("killed.json")).doesNotExist();
        return left;
    }

    private JsonNode migrate(String target, String reportName) {
        Path report = dir.resolve(reportName);
        try (JarRun run = JarRun.start(dir, SMALL_HEAP_WITH_C2, "migrate", "--source", source, "--target", target,
                "--report", report.toString())) {
            assertThat(run.await(RUN_TIMEOUT)).as(run.err()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            JsonNode json = MigrationContract.parse(Files.readString(report));
            log.info("{}: {} rows/s, {} ms, peak heap {} bytes", reportName, json.get("rows_per_second"),
                    json.get("elapsed_ms"), json.get("peak_heap_bytes"));
            assertThat(json.get("read").asLong()).isEqualTo(ROWS);
            return json;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Compares every column of every event of two stores in id order; returns how many there are. */
    private static long sameEvents(String left, String right) throws SQLException {
        String sql = "SELECT * FROM outbox_event ORDER BY id";
        long count = 0;
        try (Connection a = DriverManager.getConnection(left); Connection b = DriverManager.getConnection(right);
             Statement sa = a.createStatement(); Statement sb = b.createStatement();
             ResultSet ra = sa.executeQuery(sql); ResultSet rb = sb.executeQuery(sql)) {
            ResultSetMetaData meta = ra.getMetaData();
            while (ra.next()) {
                assertThat(rb.next()).as("the re-run target has fewer events").isTrue();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    assertThat(text(rb, column)).as("event %d, column %s", count, meta.getColumnName(column))
                            .isEqualTo(text(ra, column));
                }
                count++;
            }
            assertThat(rb.next()).as("the re-run target has more events").isFalse();
        } finally {
            DerbyDatabases.shutDown(left);
            DerbyDatabases.shutDown(right);
        }
        return count;
    }

    private static String text(ResultSet rows, int column) throws SQLException {
        Object value = rows.getObject(column);
        if (value instanceof java.sql.Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : Objects.toString(value);
    }

    private static String legacyChecksum() {
        try {
            return Databases.with(source, c -> LegacyFixture.checksum(c, "lume_outbox_v6"));
        } finally {
            DerbyDatabases.shutDown(source);
        }
    }

    private static long committed(String line) {
        Matcher matcher = COMMITTED.matcher(line);
        return matcher.find() ? Long.parseLong(matcher.group(2)) : 0;
    }

    private static String target(String name) {
        return "jdbc:derby:" + dir.resolve(name) + ";create=true";
    }
}
