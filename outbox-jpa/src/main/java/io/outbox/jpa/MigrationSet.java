package io.outbox.jpa;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One component's schema history: its migrations live under {@code root/<dialect folder>}
 * on the classpath ({@code db/outbox/derby/V1__outbox_event.sql}, say) and its applied
 * versions in its own history table, so an app's migrations stack on the outbox's without
 * sharing version numbers.
 */
public record MigrationSet(String name, String historyTable, String root) {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** The outbox's own schema; always applied first. */
    public static final MigrationSet OUTBOX = new MigrationSet("outbox", "outbox_schema_history", "db/outbox");

    public MigrationSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        if (!IDENTIFIER.matcher(historyTable).matches()) {
            throw new IllegalArgumentException("history table must be a lower-case SQL identifier, was " + historyTable);
        }
    }

    /** The Flyway location of this set for one store. */
    public String location(Dialect dialect) {
        return "classpath:" + root + "/" + dialect.folder();
    }
}
