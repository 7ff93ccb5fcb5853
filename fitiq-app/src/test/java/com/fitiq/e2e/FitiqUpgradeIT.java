package com.fitiq.e2e;

import com.fitiq.wiring.FitiqApp;
import com.zaxxer.hikari.HikariDataSource;
import io.outbox.jpa.Dialect;
import io.outbox.jpa.StoreConfig;
import io.outbox.jpa.internal.Migrations;
import io.outbox.jpa.internal.Pools;
import io.outbox.jpa.support.JarProcess;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stores made by every earlier FitIQ version open with the current code: every entry kept,
 * entries that had reached the backend synced, the others pending and delivered by the next sync.
 * The fixtures are built by the migrations of that version (Flyway's target), as that app left them.
 */
class FitiqUpgradeIT {
    private static final Instant T = Instant.parse("2024-06-01T07:00:00Z");

    @ParameterizedTest(name = "store of FitIQ schema version {0}")
    @ValueSource(strings = {"1", "2"})
    void givenStoreOfEarlierVersion_whenOpenedAndSynced_thenEntriesKeptWithRightStateAndDelivered(String version,
                                                                                            @TempDir Path dir)
            throws Exception {
        Path data = dir.resolve("data");
        String url = StoreConfig.embedded(data).jdbcUrl();
        UUID synced = UUID.randomUUID();
        UUID unsynced = UUID.randomUUID();
        try (HikariDataSource old = Pools.open(StoreConfig.url(url), Dialect.DERBY)) {
            Migrations.applyUpTo(old, Dialect.DERBY, FitiqApp.on(Clock.systemUTC()).migrations(), version);
            try (Connection c = old.getConnection()) {
                insert(c, unsynced, version.equals("2") ? null : "ignored");
                if (version.equals("2")) {
                    insert(c, synced, "backend-7");
                }
            }
        }
        shutDown(url); // as the old app left it: closed, so the new one (another process) can open it
        FitiqCli cli = FitiqCli.onDataDir(data, "alice");

        Map<String, Map<String, Object>> listed = Backends.parseArray(cli.ok("progress", "list", "--json")).stream()
                .collect(Collectors.toMap(e -> (String) e.get("id"), e -> e));

        assertThat(listed.get(unsynced.toString())).containsEntry("sync_state", "pending")
                .containsEntry("quantity", 81.5).containsEntry("date", T.toString());
        if (version.equals("2")) {
            assertThat(listed).hasSize(2);
            assertThat(listed.get(synced.toString())).containsEntry("sync_state", "synced")
                    .containsEntry("backend_id", "backend-7");
        } else {
            assertThat(listed).hasSize(1);
        }
        try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(FitiqCli.TOKEN))) {
            JarProcess.Result sync = cli.run(FitiqCli.quickSync(backend.baseUri().toString(), "--until-idle"));
            assertThat(sync.stdoutLines()).containsExactly("delivered 1, failed 0, pending 0");
            assertThat(backend.resources("progress").values()).singleElement()
                    .satisfies(r -> assertThat(r.clientId()).isEqualTo(unsynced.toString()));
        }
        assertThat(Backends.parseArray(cli.ok("progress", "list", "--json")))
                .allSatisfy(e -> assertThat(e).containsEntry("sync_state", "synced"));
    }

    private static void shutDown(String url) {
        try {
            java.sql.DriverManager.getConnection(url.substring(0, url.indexOf(';')) + ";shutdown=true").close();
        } catch (java.sql.SQLException expected) {
            assertThat(expected.getSQLState()).as("Derby's clean shutdown").isEqualTo("08006");
        }
    }

    private static void insert(Connection c, UUID id, String backendId) throws Exception {
        boolean hasBackendId = !"ignored".equals(backendId);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO progress_entry (id, user_id, type, quantity, unit,"
                + " entry_date" + (hasBackendId ? ", backend_id" : "") + ") VALUES (?, 'alice', 'weight', 81.5, 'kg',"
                + " ?" + (hasBackendId ? ", ?" : "") + ")")) {
            s.setString(1, id.toString());
            Dialect.DERBY.bindInstant(s, 2, T);
            if (hasBackendId) {
                s.setString(3, backendId);
            }
            s.executeUpdate();
        }
    }

}
