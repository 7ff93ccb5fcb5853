package io.outbox.tools.migration.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad options: one line on stderr naming the option and what it accepts, exit 2, and no database touched. */
class OptionsTest {
    @TempDir
    Path dir;

    @Test
    void givenVersionOption_whenRun_thenPrintsTheBuildsVersion() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("migration-tools " + System.getProperty("project.version"));
    }

    // Regression (hostile-input campaign, seed 735025845509768842): once derbyclient was on the class
    // path, a source on a Derby server nobody runs was refused with "java.net.ConnectException : ..."
    @Test
    void givenSourceOnADerbyServerNobodyRuns_whenMigrate_thenExit3InOneLineNamingNoJavaClass() {
        CliRun run = CliRun.of("migrate", "--source", "jdbc:derby://127.0.0.1:1/x");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString().contains("cannot reach the source")
                .contains("Connection refused").doesNotContain("Exception");
    }

    @Test
    void givenBatchSizeZero_whenMigrate_thenOneLineNamingTheOptionAndExit2() {
        CliRun run = migrate("--batch-size", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--batch-size").contains("1 to 10000");
        assertNothingCreated();
    }

    @Test
    void givenBatchSizeThatIsNoNumber_whenMigrate_thenExit2() {
        CliRun run = migrate("--batch-size", "many");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--batch-size").contains("int");
    }

    @Test
    void givenBadUserId_whenMigrate_thenOneLineNamingTheOptionAndExit2() {
        CliRun run = migrate("--user", "not a user");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--user").contains("A-Za-z0-9._@-");
        assertNothingCreated();
    }

    @Test
    void givenUnknownOption_whenMigrate_thenOneLineListingTheAcceptedOnesAndExit2() {
        CliRun run = migrate("--frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--frobnicate").contains("--batch-size");
    }

    @Test
    void givenBadTableName_whenMigrate_thenExit2() {
        CliRun run = migrate("--source-table", "x; DROP TABLE y");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--source-table");
    }

    @Test
    void givenSourceThatIsNoJdbcUrl_whenMigrate_thenExit2() {
        CliRun run = CliRun.of("migrate", "--source", "/tmp/db");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--source").contains("JDBC URL");
    }

    @Test
    void givenNoSource_whenMigrate_thenExit2NamingIt() {
        CliRun run = CliRun.of("migrate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--source");
    }

    @Test
    void givenReportInAFolderThatDoesNotExist_whenMigrate_thenExit2BeforeAnythingRuns() {
        CliRun run = migrate("--report", dir.resolve("missing/report.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--report");
        assertNothingCreated();
    }

    @Test
    void givenNoCommand_whenRun_thenExit2() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("inspect or migrate");
    }

    @Test
    void givenBadUserId_whenInspect_thenExit2() {
        CliRun run = CliRun.of("inspect", "--source", derbyUrl(), "--user", "x y");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--user");
    }

    @Test
    void givenHelp_whenMigrate_thenUsageOnStdoutAndExit0() {
        CliRun run = CliRun.of("migrate", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--dry-run").contains("--batch-size");
    }

    private CliRun migrate(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "migrate";
        args[1] = "--source";
        args[2] = derbyUrl();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliRun.of(args);
    }

    private String derbyUrl() {
        return "jdbc:derby:" + dir.resolve("db") + ";create=true";
    }

    private void assertNothingCreated() {
        assertThat(Files.exists(dir.resolve("db"))).as("a database was created").isFalse();
    }
}
