package io.outbox.jpa;

import org.flywaydb.core.api.migration.JavaMigration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One component's schema history: its SQL migrations live under {@code root/<dialect folder>}
 * on the classpath ({@code db/outbox/derby/V1__outbox_event.sql}, say), its Java migrations
 * (data moves that SQL cannot do on both stores) are given as instances, and its applied
 * versions are kept in its own history table, so an app's migrations stack on the outbox's
 * without sharing version numbers. Immutable.
 */
public record MigrationSet(String name, String historyTable, String root, List<JavaMigration> javaMigrations) {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** The outbox's own schema; always applied first. */
    public static final MigrationSet OUTBOX = named("outbox");

    /** Checks the names: the history table must be a lower-case SQL identifier. */
    public MigrationSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        javaMigrations = List.copyOf(javaMigrations);
        if (!IDENTIFIER.matcher(historyTable).matches()) {
            throw new IllegalArgumentException("history table must be a lower-case SQL identifier, was " + historyTable);
        }
    }

    /** A set of SQL migrations only. */
    public MigrationSet(String name, String historyTable, String root) {
        this(name, historyTable, root, List.of());
    }

    /**
     * The set of the usual layout: history table {@code <name>_schema_history}, SQL under
     * {@code db/<name>}; {@code name} must be a lower-case SQL identifier.
     */
    public static MigrationSet named(String name) {
        return new MigrationSet(name, name + "_schema_history", "db/" + name);
    }

    /** The same set with Java migrations added. */
    public MigrationSet withJava(JavaMigration... migrations) {
        List<JavaMigration> all = new ArrayList<>(javaMigrations);
        all.addAll(List.of(migrations));
        return new MigrationSet(name, historyTable, root, all);
    }

    /** The Flyway location of this set for one store. */
    public String location(Dialect dialect) {
        return "classpath:" + root + "/" + dialect.folder();
    }
}
