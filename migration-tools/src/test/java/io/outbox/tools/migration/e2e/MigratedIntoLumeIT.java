package io.outbox.tools.migration.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outbox.jpa.support.JarProcess;
import io.outbox.testing.backend.Resource;
import io.outbox.testing.backend.StandInBackend;
import io.outbox.tools.migration.cli.JarRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole upgrade, end to end: legacy rows in a Lume store are migrated by the built tool,
 * then the built lume-app delivers the migrated mood and journal to the stand-in API, while
 * the goal and the chat message wait for a handler and are shown as such.
 */
class MigratedIntoLumeIT {
    private static final Path MIGRATION_JAR = Path.of(System.getProperty("migration.jar",
            "target/migration-tools.jar"));
    private static final Path LUME_JAR = Path.of("..", "lume-app", "target", "lume-app.jar");
    private static final String TOKEN = "lume-e2e-token";

    // The migrated journal usually runs in the mood's batch, waits for it, and its third attempt
    // (retry_count 2) lands on the 30 s step of the backoff: the timeout must cover that wait.
    @Test
    void givenLegacyRowsInLumeStore_whenMigratedAndSynced_thenMoodAndJournalDeliveredOthersWaiting(@TempDir Path dir)
            throws Exception {
        assertThat(LUME_JAR).as("lume-app is built before migration-tools").isRegularFile();
        Path data = dir.resolve("data");
        String store = "jdbc:derby:" + data.toAbsolutePath().resolve("store");
        Map<String, String> env = Map.of("LUME_USER", "alice", "LUME_API_TOKEN", TOKEN);
        assertThat(JarProcess.run(LUME_JAR, env, Duration.ofMinutes(2), "--data-dir", data.toString(),
                "mood", "list").exitCode()).as("the app made its store").isZero();
        UUID mood = UUID.randomUUID();
        UUID journal = UUID.randomUUID();
        writeLegacyRows(store, mood, journal);

        JarProcess.Result migrate = JarProcess.run(MIGRATION_JAR, JarRun.TRAINING, Map.of(), Duration.ofMinutes(2),
                "migrate", "--source", store, "--user", "alice", "--report", dir.resolve("report.json").toString());
        assertThat(migrate.exitCode()).as(migrate.stderr()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(report.get("migrated").asInt()).isEqualTo(4);

        try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(TOKEN))) {
            JarProcess.Result sync = JarProcess.run(LUME_JAR, env, Duration.ofMinutes(2), "--data-dir",
                    data.toString(), "sync", "--api", backend.baseUri().toString(), "--until-idle", "--timeout", "60s");

            assertThat(sync.stdoutLines()).as(sync.stderr()).containsExactly("delivered 2, failed 0, pending 2");
            assertThat(sync.exitCode()).as("goal and chat message still pending").isEqualTo(1);
            assertThat(clientIds(backend.resources("wellness/mood-entries").values())).containsExactly(mood.toString());
            Resource sent = backend.resources("wellness/journal-entries").values().iterator().next();
            assertThat(sent.clientId()).isEqualTo(journal.toString());
            assertThat(sent.body()).containsEntry("mood_client_id", mood.toString());
        }
        JarProcess.Result stats = JarProcess.run(LUME_JAR, env, Duration.ofMinutes(2), "--data-dir", data.toString(),
                "outbox", "stats", "--json");
        JsonNode waiting = new ObjectMapper().readTree(stats.stdout()).get("waiting_for_handler");
        assertThat(waiting.get("goal").asInt()).isEqualTo(1);
        assertThat(waiting.get("chat_message").asInt()).isEqualTo(1);
    }

    private static List<String> clientIds(java.util.Collection<Resource> resources) {
        return resources.stream().map(Resource::clientId).toList();
    }

    /** The legacy table of docs/legacy-lume-v6.md in the app's own store, as an upgraded app finds it. */
    private static void writeLegacyRows(String store, UUID mood, UUID journal) throws SQLException {
        try (Connection c = DriverManager.getConnection(store)) {
            c.createStatement().execute("CREATE TABLE lume_outbox_v6 (id CHAR(36) NOT NULL PRIMARY KEY,"
                    + " created_at TIMESTAMP NOT NULL, event_type VARCHAR(64) NOT NULL, payload BLOB NOT NULL,"
                    + " status VARCHAR(16) NOT NULL, retry_count INTEGER NOT NULL, last_attempt_at TIMESTAMP,"
                    + " completed_at TIMESTAMP, error_message VARCHAR(2000))");
            insert(c, "mood.created", "{\"id\": \"" + mood + "\", \"valence\": 0.4, \"labels\": [\"calm\"],"
                    + " \"note\": \"walk\", \"logged_at\": \"2025-01-20T08:00:00Z\"}", "pending", 0);
            insert(c, "Journal.Created", "{\"journalId\": \"" + journal + "\", \"title\": \"Day\", \"content\":"
                    + " \"quiet\", \"moodId\": \"" + mood + "\", \"loggedAt\": \"2025-01-20T09:00:00Z\"}", "FAILED", 2);
            insert(c, "goal.created", "{\"goal_id\": \"" + UUID.randomUUID() + "\", \"title\": \"run\"}", "pending", 0);
            insert(c, "chat.message.created", "{\"message_id\": \"" + UUID.randomUUID() + "\"}", "processing", 1);
        }
        try {
            DriverManager.getConnection(store + ";shutdown=true").close();
        } catch (SQLException expected) {
            assertThat(expected.getSQLState()).isEqualTo("08006");
        }
    }

    private static void insert(Connection c, String type, String payload, String status, int retries)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO lume_outbox_v6 (id, created_at, event_type,"
                + " payload, status, retry_count) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT));
            s.setTimestamp(2, Timestamp.valueOf("2025-01-20 10:00:00"));
            s.setString(3, type);
            s.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
            s.setString(5, status);
            s.setInt(6, retries);
            s.executeUpdate();
        }
    }

}
