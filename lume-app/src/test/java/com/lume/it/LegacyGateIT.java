package com.lume.it;

import com.fasterxml.jackson.core.type.TypeReference;
import com.lume.demo.WellnessContract;
import com.lume.support.DerbyStore;
import com.lume.support.LumeJar;
import io.outbox.jpa.Dialect;
import io.outbox.jpa.support.JarProcess;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that still holds a legacy outbox row nobody migrated: sync refuses (exit 3) with one
 * line naming the migration command for this store; once the row is quarantined, sync runs, and
 * {@code outbox stats} mentions the quarantined row and the legacy goal waiting for a handler.
 */
class LegacyGateIT {
    private static final String TOKEN = "gate-" + UUID.randomUUID();

    @Test
    void givenUnaccountedLegacyRow_whenSyncing_thenRefusedUntilTheRowIsQuarantined(@TempDir Path dir) throws Exception {
        try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(TOKEN))) {
            LumeJar alice = LumeJar.onDataDir(dir).as("alice");
            alice.ok("mood", "add", "--valence", "0.3");
            UUID stray = UUID.randomUUID();
            try (Connection c = DerbyStore.connect(dir); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE lume_outbox_v6 (id CHAR(36) NOT NULL PRIMARY KEY, created_at TIMESTAMP NOT NULL,"
                        + " event_type VARCHAR(64) NOT NULL, payload BLOB NOT NULL, status VARCHAR(16) NOT NULL,"
                        + " retry_count INTEGER NOT NULL, last_attempt_at TIMESTAMP, completed_at TIMESTAMP,"
                        + " error_message VARCHAR(2000))");
                UUID migrated = UUID.randomUUID();
                legacyRow(c, migrated.toString().toUpperCase(Locale.ROOT), "goal.created",
                        "{\"goal_id\": \"" + migrated + "\", \"title\": \"run a marathon\"}");
                migratedGoal(c, migrated);
                legacyRow(c, stray.toString(), "Mood.Created", "{\"valence\": 0.4, \"note\": \"walk\"}");
            } finally {
                DerbyStore.shutDown(dir);
            }
            LumeJar syncing = alice.withEnv("LUME_API_TOKEN", TOKEN);
            String[] sync = {"sync", "--api", backend.baseUri().toString(), "--until-idle"};

            JarProcess.Result refused = syncing.run(sync);

            assertThat(refused.exitCode()).as(refused.everything()).isEqualTo(3);
            assertThat(refused.stdout()).isEmpty();
            assertThat(refused.stderr().lines()).singleElement().asString()
                    .contains("1 legacy outbox row is neither migrated nor quarantined")
                    .endsWith("java -jar migration-tools/target/migration-tools.jar migrate --source "
                            + DerbyStore.url(dir));
            assertThat(backend.journal()).isEmpty();

            try (Connection c = DerbyStore.connect(dir); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE lume_legacy_quarantine (legacy_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                        + " reason VARCHAR(2000) NOT NULL, quarantined_at TIMESTAMP NOT NULL)");
                s.execute("INSERT INTO lume_legacy_quarantine VALUES (' " + stray.toString().toUpperCase(Locale.ROOT)
                        + " ', 'no user id', CURRENT_TIMESTAMP)");
            } finally {
                DerbyStore.shutDown(dir);
            }

            JarProcess.Result ran = syncing.run(sync);

            assertThat(ran.exitCode()).as("the goal waits for a handler: " + ran.everything()).isEqualTo(1);
            assertThat(ran.stdout()).contains("delivered 1, failed 0, pending 1");
            assertThat(backend.resources(WellnessContract.MOODS)).hasSize(1);
            assertThat(alice.ok("outbox", "stats")).contains("legacy rows quarantined: 1")
                    .contains("legacy rows not migrated: 0");
            Map<String, Object> stats = LumeJar.parse(alice.ok("outbox", "stats", "--json"), new TypeReference<>() {
            });
            assertThat(stats).containsEntry("legacy_rows", 2).containsEntry("legacy_rows_quarantined", 1)
                    .containsEntry("waiting_for_handler", Map.of("goal", 1));
            List<Map<String, Object>> events = alice.jsonArray("outbox", "list", "--status", "pending", "--json");
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.get("event_type")).isEqualTo("goal");
                assertThat(e.get("metadata")).isEqualTo(Map.of("goal_id", e.get("entity_id"),
                        "hidden_private_keys", List.of("title")));
            });
        }
    }

    private static void legacyRow(Connection c, String id, String type, String payload) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO lume_outbox_v6 (id, created_at, event_type, payload,"
                + " status, retry_count) VALUES (?, ?, ?, ?, 'pending', 0)")) {
            s.setString(1, id);
            s.setTimestamp(2, Timestamp.valueOf("2025-01-20 08:00:00"));
            s.setString(3, type);
            s.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
            s.executeUpdate();
        }
    }

    /** What migration-tools makes of the goal row: a unified event with the legacy id, waiting for a handler. */
    private static void migratedGoal(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox_event (id, event_type, operation, entity_id,"
                + " user_id, status, priority, created_at, attempt_count, max_attempts, metadata, is_new_record,"
                + " next_attempt_at) VALUES (?, 'goal', 'create', ?, 'alice', 'pending', 0, ?, 0, 5, ?, TRUE, ?)")) {
            Dialect.DERBY.bindUuid(s, 1, id);
            s.setString(2, id.toString());
            Dialect.DERBY.bindInstant(s, 3, Instant.parse("2025-01-20T08:00:00Z"));
            s.setString(4, "{\"goal_id\": \"" + id + "\", \"title\": \"run a marathon\"}");
            Dialect.DERBY.bindInstant(s, 5, Instant.parse("2025-01-20T08:00:00Z"));
            s.executeUpdate();
        }
    }
}
