package com.fitiq.e2e;

import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreConfig;
import io.outbox.jpa.support.JarProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.outbox.repository.EventQuery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input gets one line on stderr naming what was wrong and what is accepted,
 * exit 2, and writes nothing; a store that cannot be used gets exit 3 and what to do.
 */
class FitiqBadInputIT {
    @TempDir
    static Path dir;
    static FitiqCli cli;
    static String entryId;
    static String eventsBefore;

    @BeforeAll
    static void storeWithOneEntry() {
        cli = FitiqCli.onDataDir(dir.resolve("data"), "alice");
        entryId = cli.ok("progress", "add", "--type", "weight", "--quantity", "72").trim();
        eventsBefore = cli.ok("outbox", "list", "--json");
    }

    private static void assertBadInput(JarProcess.Result result, String expected) {
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
        assertThat(result.stderr().lines().toList()).as("one line").singleElement().asString()
                .startsWith("fitiq-app: ").contains(expected);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.everything()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void givenEachBadInput_whenRun_thenExitTwoWithOneLineAndNothingWritten() throws Exception {
        Path badCsv = dir.resolve("bad.csv");
        Files.writeString(badCsv, "type,quantity,unit,date\nweight,72,kg,\nweight,999,kg,\n");
        String unknown = "3f0c1e2a-5b6d-4c7e-8f90-a1b2c3d4e5f6";
        assertBadInput(cli.run("progress", "add", "--type", "walk", "--quantity", "1"),
                "--type 'walk' is not a progress type; use one of weight, steps, heart_rate, body_fat, height");
        assertBadInput(cli.run("progress", "add", "--type", "weight", "--quantity", "70", "--unit", "lb"),
                "use kg or leave --unit out");
        assertBadInput(cli.run("progress", "add", "--type", "weight", "--quantity", "heavy"),
                "--quantity 'heavy' is not a number");
        assertBadInput(cli.run("progress", "add", "--type", "weight", "--quantity", "900"),
                "weight must be between 1 and 500 kg, was 900");
        assertBadInput(cli.run("progress", "add", "--type", "steps", "--quantity", "-3"),
                "steps must be between 0 and 200000 count");
        assertBadInput(cli.run("progress", "add", "--type", "weight", "--quantity", "70", "--date", "yesterday"),
                "'yesterday' is not a timestamp; use ISO-8601 with an offset or Z");
        assertBadInput(cli.run("progress", "update", unknown, "--quantity", "70"), "no entry " + unknown
                + " for user alice");
        assertBadInput(cli.run("progress", "delete", "not-an-id"), "entry id 'not-an-id' is not an id");
        assertBadInput(cli.withoutEnv("FITIQ_USER").run("progress", "list"), "no user: pass --user ID or set"
                + " FITIQ_USER");
        assertBadInput(cli.run("--user", "bad user!", "progress", "list"), "is not a user id; use 1 to 64 of");
        assertBadInput(cli.run("progress", "list", "--colour"), "Unknown option: '--colour'");
        assertBadInput(cli.run("outbox", "cleanup", "--older-than", "7 days"), "'7 days' is not a duration; use a"
                + " number and a unit: 250ms, 5s, 2m, 1h, 7d");
        assertBadInput(cli.run("sync", "--api", "http://127.0.0.1:9", "--timeout", "soon"), "'soon' is not a"
                + " duration");
        assertBadInput(cli.run("progress", "import", badCsv.toString()), "bad.csv line 3: --quantity: weight must"
                + " be between 1 and 500 kg, was 999");
        assertBadInput(cli.run("--db-url", "jdbc:derby:x", "progress", "list"), "--data-dir and --db-url exclude"
                + " each other");
        assertBadInput(cli.withoutEnv("FITIQ_API_TOKEN").run("sync", "--api", "http://127.0.0.1:9"),
                "FITIQ_API_TOKEN is not set");
        assertBadInput(cli.run("outbox", "retry", unknown), "no event " + unknown + " for user alice");

        assertThat(cli.ok("outbox", "list", "--json")).isEqualTo(eventsBefore);
        assertThat(Backends.ids(cli.ok("progress", "list", "--json"))).containsExactly(entryId);
    }

    @Test
    void givenStoreHeldByAnotherProcess_whenRun_thenExitThreeSayingSo() {
        try (OutboxStore held = OutboxStore.open(StoreConfig.embedded(dir.resolve("held")))) {
            JarProcess.Result result = FitiqCli.onDataDir(dir.resolve("held"), "alice").run("progress", "list");

            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.stderr().lines().toList()).singleElement().asString()
                    .contains("is open in another process").contains("close that one and try again");
            assertThat(held.repository().find(EventQuery.byStatus(io.outbox.event.EventStatus.PENDING))).isEmpty();
        }
    }

    @Test
    void givenUnreachableOrUnsupportedStore_whenRun_thenExitThreeWithWhatToDo() {
        JarProcess.Result down = FitiqCli.onUrl("jdbc:postgresql://127.0.0.1:1/test?user=postgres", "alice")
                .run("progress", "list");
        assertThat(down.exitCode()).isEqualTo(3);
        assertThat(down.stderr()).contains("cannot reach the store").contains("check that the server runs");

        JarProcess.Result mysql = FitiqCli.onUrl("jdbc:mysql://localhost/x", "alice").run("progress", "list");
        assertThat(mysql.exitCode()).isEqualTo(3);
        assertThat(mysql.stderr().lines().toList()).singleElement().asString()
                .contains("accepted: jdbc:derby:DIR or jdbc:postgresql://HOST:PORT/DB");
    }

    @Test
    void givenStoreOfNewerSchema_whenRun_thenExitThreeAskingForTheNewerProgram() throws Exception {
        Path newer = dir.resolve("newer");
        FitiqCli.onDataDir(newer, "alice").ok("progress", "list");
        try (OutboxStore store = OutboxStore.open(StoreConfig.embedded(newer));
             Connection c = store.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO \"fitiq_schema_history\" (\"installed_rank\","
                     + " \"version\", \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
                     + " \"execution_time\", \"success\") VALUES (99, '9', 'future', 'SQL', 'V9__future.sql', 0, 'x',"
                     + " 1, ?)")) {
            s.setBoolean(1, true);
            s.executeUpdate();
        }

        JarProcess.Result result = FitiqCli.onDataDir(newer, "alice").run("progress", "list");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr().lines().toList()).singleElement().asString()
                .contains("the fitiq schema").contains("is at version 9, newer than this program knows");
    }

}
