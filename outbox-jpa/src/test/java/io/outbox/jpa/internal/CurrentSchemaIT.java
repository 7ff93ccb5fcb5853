package io.outbox.jpa.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.outbox.SchemaVersionException;
import io.outbox.jpa.Dialect;
import io.outbox.jpa.MigrationSet;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreConfig;
import io.outbox.jpa.support.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The check that lets a command skip Flyway says "current" only for a store with exactly the
 * migrations this code knows, all applied; every other store still goes through Flyway, which
 * migrates it or refuses it as before.
 */
class CurrentSchemaIT {
    private final List<AutoCloseable> cleanups = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable cleanup : cleanups) {
            cleanup.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenMigrationFolders_whenListed_thenEveryVersionOfThatStoreIsKnown(Stores.Kind kind) {
        Dialect dialect = kind == Stores.Kind.DERBY ? Dialect.DERBY : Dialect.POSTGRESQL;

        assertThat(CurrentSchema.known(MigrationSet.OUTBOX, dialect)).containsExactlyInAnyOrderElementsOf(kind
                == Stores.Kind.DERBY ? java.util.List.of("1", "2", "3", "4", "5") : java.util.List.of("1", "2", "3", "4"));
        assertThat(CurrentSchema.known(Stores.TEST_APP, dialect)).containsExactly("1");
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenStoreOpenedOnce_whenChecked_thenCurrent(Stores.Kind kind) {
        String url = Stores.freshUrl(kind, cleanups);
        OutboxStore.open(Stores.config(url)).close();

        try (Pool pool = pool(url)) {
            assertThat(CurrentSchema.isCurrent(pool.source(), pool.dialect(), sets())).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenEmptyStore_whenChecked_thenNotCurrent(Stores.Kind kind) {
        String url = Stores.freshUrl(kind, cleanups);

        try (Pool pool = pool(url)) {
            assertThat(CurrentSchema.isCurrent(pool.source(), pool.dialect(), sets())).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenStoreAtAnEarlierVersion_whenChecked_thenNotCurrentAndOpeningMigratesIt(Stores.Kind kind) {
        String url = Stores.freshUrl(kind, cleanups);
        try (Pool pool = pool(url)) {
            Migrations.applyUpTo(pool.source(), pool.dialect(), MigrationSet.OUTBOX, "1");
            Migrations.applyUpTo(pool.source(), pool.dialect(), Stores.TEST_APP, "1");
            assertThat(CurrentSchema.isCurrent(pool.source(), pool.dialect(), sets())).isFalse();
        }

        OutboxStore.open(Stores.config(url)).close();

        try (Pool pool = pool(url)) {
            assertThat(CurrentSchema.isCurrent(pool.source(), pool.dialect(), sets())).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenStoreWithAVersionThisCodeDoesNotKnow_whenChecked_thenNotCurrentAndOpeningIsRefused(Stores.Kind kind)
            throws SQLException {
        String url = Stores.freshUrl(kind, cleanups);
        OutboxStore.open(Stores.config(url)).close();
        try (Pool pool = pool(url); Connection c = pool.source().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"outbox_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\")"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'test', CURRENT_TIMESTAMP, 1, TRUE)");
            if (!c.getAutoCommit()) {
                c.commit();
            }
            assertThat(CurrentSchema.isCurrent(pool.source(), pool.dialect(), sets())).isFalse();
        }

        assertThatThrownBy(() -> OutboxStore.open(Stores.config(url))).isInstanceOf(SchemaVersionException.class)
                .hasMessageContaining("newer than this program knows");
    }

    private static List<MigrationSet> sets() {
        return List.of(MigrationSet.OUTBOX, Stores.TEST_APP);
    }

    /** A pool on the store, with its dialect at hand. */
    private record Pool(HikariDataSource source, Dialect dialect) implements AutoCloseable {
        @Override
        public void close() {
            source.close();
        }
    }

    private static Pool pool(String url) {
        Dialect dialect = Dialect.of(url).orElseThrow();
        return new Pool(Pools.open(StoreConfig.url(url), dialect), dialect);
    }
}
