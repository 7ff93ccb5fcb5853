package io.outbox.tools.migration.target;

import io.outbox.SchemaVersionException;
import io.outbox.jpa.Dialect;
import io.outbox.jpa.MigrationSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import io.outbox.tools.migration.jdbc.Connections;

/**
 * Refuses, for a dry run, a target whose outbox schema the real run would refuse: newer than this
 * program, or left by a failed migration. Reads the schema history only (Flyway's info never
 * migrates). Stateless.
 */
final class SchemaCheck {
    private SchemaCheck() {
    }

    static void refuseUnknownVersions(String url, Dialect dialect) {
        MigrationSet outbox = MigrationSet.OUTBOX;
        String store = Connections.redacted(url);
        MigrationInfo[] applied;
        try {
            applied = Flyway.configure(SchemaCheck.class.getClassLoader()).dataSource(url, null, null)
                    .locations(outbox.location(dialect)).table(outbox.historyTable()).load().info().applied();
        } catch (FlywayException e) {
            throw new SchemaVersionException("cannot read the outbox schema history of the target " + store + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        for (MigrationInfo info : applied) {
            MigrationState state = info.getState();
            if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
                throw new SchemaVersionException("the outbox schema of the target " + store + " is at version "
                        + info.getVersion() + ", newer than this program knows; use the newer program that wrote it");
            }
            if (state == MigrationState.FAILED) {
                throw new SchemaVersionException("a migration of the outbox schema of the target " + store
                        + " to version " + info.getVersion() + " failed earlier; restore the store from a backup");
            }
        }
    }
}
