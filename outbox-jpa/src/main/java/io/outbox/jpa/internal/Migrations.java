package io.outbox.jpa.internal;

import io.outbox.SchemaVersionException;
import io.outbox.jpa.Dialect;
import io.outbox.jpa.MigrationSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.List;

/**
 * Brings a store's schema up to date with Flyway, one history table per migration set. A
 * store newer than the code, or one left by a failed migration, is refused before anything
 * is changed. Stateless.
 */
public final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /** Applies each set's pending migrations in order, the outbox's first; {@code store} names the store in errors. */
    public static void apply(DataSource dataSource, Dialect dialect, List<MigrationSet> sets, String store) {
        if (CurrentSchema.isCurrent(dataSource, dialect, sets)) {
            return; // the common case: one query a set, and Flyway never loaded
        }
        for (MigrationSet set : sets) {
            Flyway flyway = flyway(dataSource, dialect, set);
            if (!refuseUnknownState(flyway, set, store)) {
                continue; // this set is up to date: nothing to apply
            }
            try {
                int applied = flyway.migrate().migrationsExecuted;
                if (applied > 0) {
                    log.info("applied {} {} migrations to {}", applied, set.name(), store);
                }
            } catch (FlywayException e) {
                throw new SchemaVersionException("migrating the " + set.name() + " schema of " + store
                        + " failed (" + e.getMessage().lines().findFirst().orElse("") + "); the store was left "
                        + "at its previous version", e);
            }
        }
    }

    /** The migrations of {@code set} for {@code dialect}, up to {@code target} (for building old stores in tests). */
    public static void applyUpTo(DataSource dataSource, Dialect dialect, MigrationSet set, String target) {
        Flyway.configure(Migrations.class.getClassLoader()).dataSource(dataSource)
                .locations(set.location(dialect)).table(set.historyTable())
                .javaMigrations(set.javaMigrations().toArray(new org.flywaydb.core.api.migration.JavaMigration[0]))
                .baselineOnMigrate(true).baselineVersion("0").target(target).load().migrate();
    }

    private static Flyway flyway(DataSource dataSource, Dialect dialect, MigrationSet set) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(set.location(dialect))
                .javaMigrations(set.javaMigrations().toArray(new org.flywaydb.core.api.migration.JavaMigration[0]))
                .table(set.historyTable())
                // Several sets share one schema: each finds the others' tables and starts its own history at 0.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    /** Refuses a store newer than the code or left by a failed migration; true when migrations are pending. */
    private static boolean refuseUnknownState(Flyway flyway, MigrationSet set, String store) {
        org.flywaydb.core.api.MigrationInfoService info;
        try {
            info = flyway.info();
        } catch (FlywayException e) {
            throw new SchemaVersionException("cannot read the " + set.name() + " schema history of " + store
                    + ": " + e.getMessage(), e);
        }
        MigrationInfo[] applied = info.applied();
        String known = java.util.Arrays.stream(info.all())
                .filter(i -> i.getState() != MigrationState.FUTURE_SUCCESS && i.getState() != MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion).filter(java.util.Objects::nonNull)
                .max(Comparable::compareTo).map(String::valueOf).orElse("none");
        for (MigrationInfo migration : applied) {
            MigrationState state = migration.getState();
            if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
                throw new SchemaVersionException("the " + set.name() + " schema of " + store + " is at version "
                        + migration.getVersion() + ", newer than this program knows (up to " + known
                        + "); use the newer program that wrote it");
            }
            if (state == MigrationState.FAILED) {
                throw new SchemaVersionException("a migration of the " + set.name() + " schema of " + store
                        + " to version " + migration.getVersion() + " failed earlier; restore the store from a backup");
            }
        }
        return info.pending().length > 0 || applied.length == 0;
    }
}
