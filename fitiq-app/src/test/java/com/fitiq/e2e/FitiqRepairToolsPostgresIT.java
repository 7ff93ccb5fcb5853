package com.fitiq.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitiq.cli.Main;
import io.outbox.cli.AppMain;
import io.outbox.cli.Environment;
import io.outbox.cli.Output;
import io.outbox.jpa.support.PostgresSchema;
import io.outbox.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repair tools on a shared PostgreSQL store, through FitIQ's command line: what {@code
 * RepairToolsContract} proves on Derby, in one pass, so both dialects of the entry reads, the
 * deletes and the newest completion are exercised end to end.
 */
class FitiqRepairToolsPostgresIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T08:00:00Z"));

    @Test
    void givenPostgresStore_whenVerifiedRepairedCleanedAndPurged_thenEachToolActsForItsUserOnly() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("fitiq_repair")) {
            String lost = run(schema, "alice", 0, "progress", "add", "--type", "weight", "--quantity", "70").trim();
            String gone = run(schema, "alice", 0, "progress", "add", "--type", "weight", "--quantity", "71").trim();
            String bobs = run(schema, "bob", 0, "progress", "add", "--type", "weight", "--quantity", "80").trim();
            try (Connection c = DriverManager.getConnection(schema.url())) {
                update(c, "DELETE FROM outbox_event WHERE entity_id = ?", lost);
                update(c, "DELETE FROM progress_entry WHERE id = ?", gone);
                update(c, "UPDATE outbox_event SET status = 'completed', completed_at = TIMESTAMPTZ"
                        + " '2026-03-01T07:00:00Z', next_attempt_at = NULL WHERE entity_id = ?", bobs);
            }

            Map<String, Object> found = object(run(schema, "alice", 1, "outbox", "verify", "--json"));
            assertThat(mismatches(found)).extracting(m -> m.get("kind") + " " + m.get("entity_id"))
                    .containsExactly("missing_event " + lost, "orphaned_event " + gone);

            assertThat(object(run(schema, "alice", 1, "outbox", "verify", "--repair", "--json")))
                    .containsEntry("repaired", 1).containsEntry("left", 1);
            assertThat(object(run(schema, "alice", 0, "outbox", "cleanup", "--orphans", "--json")))
                    .containsEntry("deleted", 1);
            assertThat(run(schema, "alice", 0, "outbox", "verify")).startsWith("no mismatches");

            assertThat(object(run(schema, "bob", 0, "outbox", "stats", "--json")))
                    .containsEntry("newest_completed_at", "2026-03-01T07:00:00Z");
            assertThat(object(run(schema, "alice", 0, "outbox", "purge", "--yes", "--json")))
                    .containsEntry("deleted", 1);
            assertThat(run(schema, "alice", 0, "outbox", "list", "--json").trim()).isEqualTo("[]");
            assertThat(run(schema, "bob", 0, "outbox", "list", "--json")).contains(bobs);
        }
    }

    private static void update(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            assertThat(s.executeUpdate()).as(sql).isPositive();
        }
    }

    private String run(PostgresSchema schema, String user, int expectedExit, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--db-url", schema.url()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AppMain.run(Main.LAUNCH, all.toArray(new String[0]), new Environment(Map.of("FITIQ_USER", user)),
                new Output(new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)), clock);
        assertThat(code).as(String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8))
                .isEqualTo(expectedExit);
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mismatches(Map<String, Object> verify) {
        return (List<Map<String, Object>>) verify.get("mismatches");
    }

    private static Map<String, Object> object(String json) throws IOException {
        return JSON.readValue(json, new TypeReference<>() {
        });
    }
}
