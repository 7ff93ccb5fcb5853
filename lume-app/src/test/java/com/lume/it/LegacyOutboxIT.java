package com.lume.it;

import com.lume.legacy.LegacyOutbox;
import com.lume.legacy.LegacyRowsNotMigratedException;
import com.lume.wiring.LumeApp;
import io.outbox.cli.OutboxApp;
import io.outbox.event.Operation;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.support.Stores;
import io.outbox.testing.OutboxEventBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The legacy gate on both stores: a legacy row counts as accounted for when an event has its id
 * (trimmed, any case) or when migration-tools quarantined it, and the tables are found however
 * the database spells their names.
 */
class LegacyOutboxIT {
    private final OutboxApp app = LumeApp.on(Clock.systemUTC());

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenNoLegacyTables_whenChecked_thenReadyAndNothingToReport(Stores.Kind kind) throws Exception {
        withStore(kind, store -> {
            assertThatCode(() -> app.checkReadyToSync(store)).doesNotThrowAnyException();
            assertThat(app.extraStatistics(store)).isEmpty();
        });
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenMigratedQuarantinedAndStrayRows_whenChecked_thenOnlyTheStrayOnesBlockSync(Stores.Kind kind)
            throws Exception {
        withStore(kind, store -> {
            UUID migrated = UUID.randomUUID();
            UUID quarantined = UUID.randomUUID();
            UUID stray = UUID.randomUUID();
            store.unitOfWork().write(work -> work.record(OutboxEventBuilder.anEvent().withId(migrated)
                    .withType("mood_entry").withOperation(Operation.CREATE).build()));
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE lume_outbox_v6 (id CHAR(36) NOT NULL PRIMARY KEY, event_type VARCHAR(64))");
                insert(c, "INSERT INTO lume_outbox_v6 (id, event_type) VALUES (?, 'mood.created')",
                        migrated.toString().toUpperCase(Locale.ROOT), quarantined.toString(), stray.toString(),
                        "not-a-uuid");
            }

            assertThatThrownBy(() -> app.checkReadyToSync(store)).isInstanceOf(LegacyRowsNotMigratedException.class)
                    .hasMessageStartingWith("3 legacy outbox rows are neither migrated nor quarantined")
                    .hasMessageEndingWith("migrate --source " + store.description().replace(";create=true", ""));
            assertThat(app.extraStatistics(store)).containsExactly(Map.entry("legacy_rows", 4L),
                    Map.entry("legacy_rows_not_migrated", 3L));

            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE lume_legacy_quarantine (legacy_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                        + " reason VARCHAR(2000) NOT NULL, quarantined_at TIMESTAMP NOT NULL)");
                insert(c, "INSERT INTO lume_legacy_quarantine VALUES (?, 'not_a_uuid', CURRENT_TIMESTAMP)",
                        " " + quarantined.toString().toUpperCase(Locale.ROOT) + " ", "not-a-uuid ");
            }

            assertThatThrownBy(() -> app.checkReadyToSync(store))
                    .hasMessageStartingWith("1 legacy outbox row is neither migrated nor quarantined");
            assertThat(LegacyOutbox.census(store)).isEqualTo(new LegacyOutbox.Census(true, 4, 1, true, 2));
        });
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenTablesWithQuotedLowerCaseNames_whenChecked_thenFoundAllTheSame(Stores.Kind kind) throws Exception {
        withStore(kind, store -> {
            UUID stray = UUID.randomUUID();
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE \"lume_outbox_v6\" (\"id\" CHAR(36) NOT NULL PRIMARY KEY)");
                s.execute("CREATE TABLE \"lume_legacy_quarantine\" (\"legacy_id\" VARCHAR(64) NOT NULL PRIMARY KEY,"
                        + " \"reason\" VARCHAR(2000) NOT NULL, \"quarantined_at\" TIMESTAMP NOT NULL)");
                insert(c, "INSERT INTO \"lume_outbox_v6\" VALUES (?)", stray.toString());
            }

            assertThat(LegacyOutbox.census(store)).isEqualTo(new LegacyOutbox.Census(true, 1, 1, true, 0));

            try (Connection c = store.dataSource().getConnection()) {
                insert(c, "INSERT INTO \"lume_legacy_quarantine\" VALUES (?, 'no user', CURRENT_TIMESTAMP)",
                        stray.toString());
            }
            assertThatCode(() -> app.checkReadyToSync(store)).doesNotThrowAnyException();
            assertThat(app.extraStatistics(store)).containsEntry("legacy_rows_quarantined", 1L);
        });
    }

    /** Work on an open store. */
    private interface StoreWork {
        void run(OutboxStore store) throws SQLException;
    }

    private void withStore(Stores.Kind kind, StoreWork work) throws Exception {
        List<AutoCloseable> cleanups = new ArrayList<>();
        String url = Stores.freshUrl(kind, cleanups);
        try (OutboxStore store = OutboxStore.open(app.storeConfig(url))) {
            work.run(store);
        } finally {
            for (AutoCloseable c : cleanups) {
                c.close();
            }
        }
    }

    private static void insert(Connection c, String sql, String... ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (String id : ids) {
                s.setString(1, id);
                s.executeUpdate();
            }
        }
    }
}
