package io.outbox.tools.migration.reliability;

import io.outbox.jpa.support.reliability.Campaign;
import io.outbox.jpa.support.reliability.CampaignSummary;
import io.outbox.tools.migration.cli.CliRun;
import io.outbox.tools.migration.cli.Databases;
import io.outbox.tools.migration.cli.JarRun;
import io.outbox.tools.migration.fixture.LegacyFixture;
import io.outbox.tools.migration.jdbc.DerbyDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input to {@code migrate}: every option fed empty, huge, negative, non-UTF-8,
 * SQL-looking and path-looking values, unknown and repeated options, and stores that are
 * missing, a file, a folder, corrupt, locked by another process or unreadable. Each must be
 * refused with the exit code of docs/cli.md and exactly one stderr line naming what was wrong, never
 * a stack trace, and nothing may change: not the legacy store, not any path named. All of them
 * run in this JVM (fast: the same Main, the same code); a seeded sample, the locked store and
 * argument bytes that are no UTF-8 run through the built jar as separate processes.
 */
class MigrationHostileInputReliabilityIT {
    private static final Campaign CAMPAIGN = Campaign.of("migration-tools hostile migrate input", 1, 8);
    private static final String TABLE = "lume_outbox_v6";
    private static final int JAR_SAMPLE = 4;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(1);

    @TempDir
    static Path dir;
    static HostileInputs.World world;
    static String checksum;
    static Path scratch;
    private static int tried;
    private static int refused;
    private static int processes;
    private static int stackTraces;
    private static int changed;

    @BeforeAll
    static void makeTheWorld() throws IOException, SQLException {
        scratch = Files.createDirectories(dir.resolve("scratch"));
        world = HostileWorld.make(dir, TABLE);
        checksum = Databases.with(world.legacy(), c -> LegacyFixture.checksum(c, TABLE));
        DerbyDatabases.shutDown(world.legacy());
    }

    @AfterAll
    static void summary() {
        HostileWorld.restore(world);
        new CampaignSummary(CAMPAIGN.name(), "derby", CAMPAIGN.rounds(), 0, tried, refused, tried - refused, 0, 0,
                Duration.ZERO, tried + " inputs (" + processes + " as separate processes), " + (tried - refused)
                + " not refused cleanly, " + stackTraces + " stack traces, " + changed + " changed the store or a path named",
                CAMPAIGN.seed())
                .write();
    }

    @Test
    void givenHostileMigrateOptions_whenRun_thenEachRefusedInOneLineWithItsExitCodeAndNothingChanged() {
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < CAMPAIGN.rounds(); round++) {
            List<HostileInputs.Hostile> inputs = new ArrayList<>(HostileInputs.all(world));
            Collections.shuffle(inputs, CAMPAIGN.random(round));
            for (HostileInputs.Hostile input : inputs) {
                TreeSnapshot before = TreeSnapshot.of(world.root());
                CliRun run = CliRun.of(input.args().toArray(String[]::new));
                judge(input, run.exitCode(), run.out(), run.err(), before, CAMPAIGN.replayHint(round), failures);
            }
        }
        assertThat(failures).as("inputs not refused cleanly; %s", CAMPAIGN.replayHint()).isEmpty();
        assertLegacyUnchanged();
    }

    @Test
    void givenASeededSampleOfThem_whenRunThroughTheJar_thenTheProcessRefusesEachTheSameWay() {
        List<String> failures = new ArrayList<>();
        Random random = CAMPAIGN.random(0);
        List<HostileInputs.Hostile> inputs = new ArrayList<>(HostileInputs.all(world));
        inputs.removeIf(input -> input.args().stream().anyMatch(arg -> arg.indexOf('\u0000') >= 0)); // no process takes NUL
        Collections.shuffle(inputs, random);
        for (HostileInputs.Hostile input : inputs.subList(0, JAR_SAMPLE)) {
            TreeSnapshot before = TreeSnapshot.of(world.root());
            try (JarRun run = JarRun.start(scratch, List.of(), input.args().toArray(String[]::new))) {
                int code = run.await(RUN_TIMEOUT);
                processes++;
                judge(input, code, run.out(), run.err(), before, CAMPAIGN.replayHint() + " (as a process)", failures);
            }
        }
        assertThat(failures).as("inputs not refused cleanly; %s", CAMPAIGN.replayHint()).isEmpty();
        assertLegacyUnchanged();
    }

    @Test
    void givenTheStoreOpenInAnotherProcess_whenMigrated_thenExit3SayingSoAndNothingChanged() throws SQLException {
        List<String> failures = new ArrayList<>();
        HostileInputs.Hostile input = new HostileInputs.Hostile("a store locked by another process",
                List.of("migrate", "--source", world.legacy(), "--user", "alice"), 3, "open in another process");
        TreeSnapshot before;
        try (Connection holder = DriverManager.getConnection(world.legacy())) {
            assertThat(holder.isValid(1)).isTrue();
            before = TreeSnapshot.of(world.root());
            try (JarRun run = JarRun.start(scratch, List.of(), input.args().toArray(String[]::new))) {
                int code = run.await(RUN_TIMEOUT);
                processes++;
                judge(input, code, run.out(), run.err(), before, CAMPAIGN.replayHint(), failures);
            }
        } finally {
            DerbyDatabases.shutDown(world.legacy());
        }
        assertThat(failures).as("inputs not refused cleanly; %s", CAMPAIGN.replayHint()).isEmpty();
        assertLegacyUnchanged();
    }

    @Test
    void givenArgumentBytesThatAreNoUtf8_whenMigrateRunsAsAProcess_thenRefusedInOneLine() {
        List<String> failures = new ArrayList<>();
        String missing = "jdbc:derby:" + world.missing() + "/";
        List<RawArguments.Case> cases = List.of(
                new RawArguments.Case("--user", List.of("migrate", "--source", world.legacy(), "--user"), "\\377\\376", 2, "--user"),
                new RawArguments.Case("--source-table", List.of("migrate", "--source", world.legacy(), "--source-table"),
                        "lume\\300\\257", 2, "--source-table"),
                new RawArguments.Case("--batch-size", List.of("migrate", "--source", world.legacy(), "--batch-size"),
                        "\\355\\240\\200", 2, "--batch-size"),
                new RawArguments.Case("--source", List.of("migrate", "--source"), missing + "\\377", 3, "source"));
        for (RawArguments.Case raw : cases) {
            TreeSnapshot before = TreeSnapshot.of(world.root());
            RawArguments.Result result = RawArguments.run(scratch, raw, RUN_TIMEOUT);
            processes++;
            judge(new HostileInputs.Hostile(raw.option() + " of bytes that are no UTF-8", raw.args(), raw.code(),
                    raw.mention()), result.code(), result.out(), result.err(), before, CAMPAIGN.replayHint(), failures);
        }
        assertThat(failures).as("inputs not refused cleanly; %s", CAMPAIGN.replayHint()).isEmpty();
        assertLegacyUnchanged();
    }

    // Regressions: inputs the campaign found handled wrongly, each kept as it was found.

    @Test
    void givenSourcePathWithoutDatabaseAndCreateTrue_whenMigrated_thenExit3AndNoDatabaseIsCreated() {
        Path nowhere = dir.resolve("regression-nowhere");
        CliRun run = assertRefused(3, "no database", "migrate", "--source", "jdbc:derby:" + nowhere + ";create=true");
        assertThat(nowhere).as(run.err()).doesNotExist(); // was: an empty database made there, and exit 2
    }

    @Test
    void givenReportThatIsAPipe_whenMigrated_thenExit2BeforeAnythingRuns() {
        Path pipe = HostileWorld.fifo(dir.resolve("regression-pipe"));
        assertThat(pipe).as("mkfifo made a pipe").isNotNull();
        assertRefused(2, "--report", "migrate", "--source", world.legacy(), "--report", pipe.toString());
        assertThat(Files.isRegularFile(pipe)).as("was: migrated, then the report renamed over the pipe").isFalse();
        assertThat(Files.exists(pipe)).isTrue();
    }

    @Test
    void givenReportInsideTheDerbyDatabase_whenMigrated_thenExit2AndTheStoreIsIntact() {
        assertRefused(2, "outside the Derby database", "migrate", "--source", world.legacy(), "--report",
                world.legacyDir().resolve("service.properties").toString()); // was: the report replaced it
        assertLegacyUnchanged();
    }

    @Test
    void givenReportNameTooLongForTheFileSystem_whenMigrated_thenExit2BeforeAnythingRuns() {
        assertRefused(2, "--report", "migrate", "--source", world.legacy(), "--report",
                dir.resolve("r".repeat(300) + ".json").toString()); // was: migrated, then exit 3 without a report
        assertLegacyUnchanged();
    }

    @Test
    void givenValuesWithCarriageReturnOrLineSeparators_whenMigrated_thenStillOneStderrLine() {
        for (String user : List.of("a\rb", "a\u2028b", "a\u0085b", "a\u000Bb")) {
            CliRun run = assertRefused(2, "--user", "migrate", "--source", world.legacy(), "--user", user);
            assertThat(run.err().strip()).as("control characters shown escaped").contains("\\u");
        }
    }

    @Test
    void givenDryRunWithAnEmptyValue_whenMigrated_thenExit2AndNothingIsWritten() {
        assertRefused(2, "--dry-run", "migrate", "--source", world.legacy(), "--dry-run="); // was: a real run
        assertLegacyUnchanged();
    }

    @Test
    void givenTargetThatNoDriverAcceptsOrCannotBeReached_whenMigrated_thenTheLineSaysItIsTheTarget() {
        assertRefused(3, "the target", "migrate", "--source", world.legacy(), "--target", "jdbc:nosuch:x");
        assertRefused(3, "the target", "migrate", "--source", world.legacy(), "--target",
                "jdbc:postgresql://127.0.0.1:1/test?user=postgres");
    }

    @Test
    void givenTargetUnderAPlainFile_whenMigratedInThisJvm_thenExit3AndNoDatabaseIsMadeAnywhere() {
        // seed 5640795262225647969: was exit 3, but Derby made a database named "null" in the working directory
        Path stray = Path.of("null").toAbsolutePath();
        assertThat(stray).as("left by an earlier run; delete it").doesNotExist();
        assertRefused(3, "target", "migrate", "--source", world.legacy(), "--target",
                "jdbc:derby:" + world.file().resolve("below") + ";create=true");
        assertThat(stray).as("a database made in the working directory").doesNotExist();
        assertLegacyUnchanged();
    }

    @Test
    void givenDerbyUrlWithoutADatabaseName_whenMigratedInThisJvm_thenDerbyStillServesOtherDatabases() {
        assertRefused(3, "source", "migrate", "--source", "jdbc:derby:"); // was: the whole engine shut down
        assertLegacyUnchanged();
    }

    /** Runs in this JVM; asserts the exit code, the one line naming {@code mention}, and no change to the world. */
    private static CliRun assertRefused(int code, String mention, String... args) {
        TreeSnapshot before = TreeSnapshot.of(world.root());
        CliRun run = CliRun.of(args);
        String what = String.join(" ", args) + "; stderr: " + run.err();
        assertThat(run.exitCode()).as(what).isEqualTo(code);
        assertThat(StderrLines.assertOneLine(run.err(), what)).contains(mention);
        assertThat(run.out()).as(what).isEmpty();
        assertThat(TreeSnapshot.of(world.root()).changesSince(before)).as(what).isEmpty();
        return run;
    }

    /** Checks one refused run; records what is wrong instead of stopping, so that one run shows every bad input. */
    private static void judge(HostileInputs.Hostile input, int code, String out, String err, TreeSnapshot before,
                              String hint, List<String> failures) {
        tried++;
        List<String> problems = new ArrayList<>();
        List<String> lines = StderrLines.lines(err);
        if (code != input.code()) {
            problems.add("exit " + code + ", expected " + input.code());
        }
        if (lines.size() != 1) {
            problems.add(lines.size() + " stderr lines");
        } else if (!lines.get(0).startsWith("migrate: ") && !lines.get(0).startsWith("migration-tools: ")) {
            problems.add("the line does not name the command");
        } else if (!lines.get(0).contains(input.mention())) {
            problems.add("the line does not name " + HostileInputs.shown(input.mention()));
        }
        if (err.contains("Exception") || err.contains("\tat ") || err.contains("Caused by")) {
            stackTraces++;
            problems.add("a stack trace or exception name on stderr");
        }
        if (!out.isEmpty()) {
            problems.add("stdout not empty: " + HostileInputs.shown(out));
        }
        String changes = TreeSnapshot.of(world.root()).changesSince(before);
        if (!changes.isEmpty()) {
            changed++;
            problems.add("changed: " + changes);
        }
        if (problems.isEmpty()) {
            refused++;
        } else {
            failures.add(input.label() + " -> " + problems + "; stderr: " + HostileInputs.shown(err) + "; " + hint);
        }
    }

    private static void assertLegacyUnchanged() {
        try {
            assertThat(Databases.tables(world.legacy())).as(CAMPAIGN.replayHint()).containsExactlyInAnyOrder(TABLE, "not_legacy");
            String now = Databases.with(world.legacy(), c -> LegacyFixture.checksum(c, TABLE));
            assertThat(now).as(CAMPAIGN.replayHint()).isEqualTo(checksum);
        } finally {
            DerbyDatabases.shutDown(world.legacy());
        }
    }
}
