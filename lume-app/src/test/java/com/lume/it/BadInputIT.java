package com.lume.it;

import com.lume.support.LumeJar;
import io.outbox.jpa.support.JarProcess;
import io.outbox.jpa.support.PostgresSchema;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input, each through the jar: exit 2, exactly one line on stderr saying what is
 * accepted, nothing on stdout, and the store unchanged (the same {@code outbox list --json}, the
 * same rows). On a shared PostgreSQL store, so the cases run side by side.
 */
class BadInputIT {
    private record Case(String expected, String[] args, boolean withUser) {
    }

    @Test
    void givenEveryKindOfBadInput_whenRun_thenExit2WithOneLineAndNothingWritten() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("lume_bad")) {
            LumeJar store = LumeJar.onDbUrl(schema.url());
            LumeJar alice = store.as("alice");
            String mood = alice.ok("mood", "add", "--valence", "0.2").trim();
            List<JarProcess.Result> setUp = store.runAll(List.of(
                    new String[] {"--user", "alice", "journal", "add", "--title", "T", "--content", "C", "--mood", mood},
                    new String[] {"--user", "bob", "mood", "add", "--valence", "0.7"}));
            String journal = setUp.get(0).stdout().trim();
            String bobsMood = setUp.get(1).stdout().trim();
            String before = alice.ok("outbox", "list", "--json");
            List<String> rowsBefore = rows(schema.url());
            String unknown = UUID.randomUUID().toString();

            List<Case> cases = List.of(
                    bad("--valence 1.5 is out of range", "mood", "add", "--valence", "1.5"),
                    bad("--valence '-1.01e0' is not a number", "mood", "add", "--valence=-1.01e0"),
                    bad("--valence 'lots' is not a number", "mood", "add", "--valence", "lots"),
                    bad("--valence 'NaN' is not a number", "mood", "update", mood, "--valence", "NaN"),
                    bad("--label '' is not a label", "mood", "add", "--valence", "0", "--label", " "),
                    bad("--label 'x!' is not a label", "mood", "update", mood, "--label", "x!"),
                    bad("11 labels given; at most 10", "mood", "add", "--valence", "0", "--label", "a", "--label",
                            "b", "--label", "c", "--label", "d", "--label", "e", "--label", "f", "--label", "g",
                            "--label", "h", "--label", "i", "--label", "j", "--label", "k"),
                    bad("no mood entry " + unknown + " for user alice", "mood", "update", unknown, "--valence", "0"),
                    bad("no mood entry " + bobsMood + " for user alice", "mood", "delete", bobsMood),
                    bad("no journal entry " + unknown + " for user alice", "journal", "delete", unknown),
                    bad("mood entry id 'abc' is not an id", "mood", "delete", "abc"),
                    bad("--mood " + unknown + ": no mood entry with that id for user alice", "journal", "add",
                            "--title", "T", "--content", "C", "--mood", unknown),
                    bad("--mood " + bobsMood + ": no mood entry with that id for user alice", "journal", "update",
                            journal, "--mood", bobsMood),
                    bad("--mood=MOOD_ID, --no-mood are mutually exclusive", "journal", "update", journal, "--mood",
                            mood, "--no-mood"),
                    bad("'2025-13-01' is not a timestamp", "journal", "add", "--title", "T", "--content", "C",
                            "--date", "2025-13-01"),
                    bad("'yesterday' is not a timestamp", "mood", "add", "--valence", "0", "--date", "yesterday"),
                    bad("--title must not be blank", "journal", "update", journal, "--title", ""),
                    bad("nothing to change", "journal", "update", journal),
                    bad("Unknown option: '--mode'", "journal", "update", journal, "--mode"),
                    bad("'5x' is not a duration", "sync", "--api", "http://127.0.0.1:9", "--timeout", "5x"),
                    bad("'fast' is not a duration", "sync", "--api", "http://127.0.0.1:9", "--retry-delays", "1s,fast"),
                    new Case("--user 'a b' is not a user id", new String[] {"--user", "a b", "mood", "list"}, false),
                    new Case("no user: pass --user ID or set LUME_USER", new String[] {"mood", "add", "--valence",
                            "0.1"}, false),
                    new Case("--data-dir and --db-url exclude each other", new String[] {"--data-dir", "/tmp/x",
                            "mood", "list"}, true));
            List<String[]> commands = new ArrayList<>();
            for (Case c : cases) {
                List<String> args = new ArrayList<>(c.withUser() ? List.of("--user", "alice") : List.of());
                args.addAll(List.of(c.args()));
                commands.add(args.toArray(new String[0]));
            }
            List<JarProcess.Result> results = store.runAll(commands);

            for (int i = 0; i < cases.size(); i++) {
                JarProcess.Result r = results.get(i);
                String what = String.join(" ", cases.get(i).args());
                assertThat(r.exitCode()).as(what + ": " + r.everything()).isEqualTo(2);
                assertThat(r.stdout()).as(what).isEmpty();
                assertThat(r.stderr().lines()).as(what).singleElement().asString().startsWith("lume-app: ")
                        .contains(cases.get(i).expected());
            }
            assertThat(alice.ok("outbox", "list", "--json")).isEqualTo(before);
            assertThat(rows(schema.url())).isEqualTo(rowsBefore);
        }
    }

    private static Case bad(String expected, String... args) {
        return new Case(expected, args, true);
    }

    /** Every entry and event row of the store, as text, in a stable order. */
    private static List<String> rows(String url) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String query : List.of("SELECT * FROM mood_entry ORDER BY id", "SELECT * FROM journal_entry ORDER BY id",
                    "SELECT * FROM outbox_event ORDER BY id")) {
                try (ResultSet r = s.executeQuery(query)) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int col = 1; col <= columns; col++) {
                            row.append(r.getString(col)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }
}
