package io.outbox.jpa.internal;

import io.outbox.OutboxException;
import io.outbox.SchemaVersionException;
import io.outbox.StoreFullException;
import io.outbox.StoreLockedException;
import io.outbox.StoreUnavailableException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns driver and persistence failures into the core's exceptions, each with a message that
 * says what to do. Stateless.
 */
public final class StoreErrors {
    private static final java.util.regex.Pattern EXCEPTION_NAME =
            java.util.regex.Pattern.compile("^\\s*(?:[\\w$]+\\.)+[\\w$]*(?:Exception|Error)\\s*:\\s*");

    private StoreErrors() {
    }

    public static OutboxException translate(Throwable failure, String store) {
        if (failure instanceof OutboxException known) {
            return known;
        }
        Optional<SQLException> sql = findSql(failure);
        String text = describe(failure).toLowerCase(Locale.ROOT);
        String state = sql.map(StoreErrors::states).orElse("");
        if (state.contains("XSDB6") || text.contains("already booted")) {
            return new StoreLockedException("the store " + store + " is open in another process (another sync or "
                    + "command?); close that one and try again, or use a shared store with --db-url", failure);
        }
        if (state.contains("53100") || text.contains("no space left") || state.contains("XSDG3")
                || text.contains("disk full")) {
            return new StoreFullException("the disk holding " + store + " is full; free some space and try again; "
                    + "nothing of the failed change was written", failure);
        }
        if (text.contains("no suitable driver")) {
            return new StoreUnavailableException("no JDBC driver accepts " + store
                    + "; accepted: jdbc:derby:DIR or jdbc:postgresql://HOST:PORT/DB", failure);
        }
        if (state.contains("XJ004")) {
            return new StoreUnavailableException("there is no store at " + store + "; check the path", failure);
        }
        if (state.matches("(?s).*\\b(08\\w{3}|57P0[123])\\b.*") || failure instanceof SQLTransientConnectionException
                || text.contains("connection refused") || text.contains("connection is not available")) {
            return new StoreUnavailableException("cannot reach the store " + store + " (" + firstLine(failure)
                    + "); check that the server runs and the URL is right", failure);
        }
        if (failure.getClass().getName().startsWith("org.flywaydb")) {
            return new SchemaVersionException("migrating the store " + store + " failed: " + firstLine(failure)
                    + "; the store was left at its previous version", failure);
        }
        return new OutboxException("the store " + store + " failed: " + firstLine(failure), failure);
    }

    /** Whether a transaction that failed this way may simply be run again (deadlock, lock timeout, serialization). */
    public static boolean isTransientConflict(Throwable failure) {
        String state = findSql(failure).map(StoreErrors::states).orElse("");
        return state.contains("40001") || state.contains("40P01") || state.contains("40XL1") || state.contains("40XL2");
    }

    private static Optional<SQLException> findSql(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Every SQL state in the chain: Derby nests the telling one (XSDB6) under a generic one (XJ040). */
    private static String states(SQLException sql) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = sql; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                all.append(' ').append(s.getSQLState());
                for (SQLException next = s.getNextException(); next != null; next = next.getNextException()) {
                    all.append(' ').append(next.getSQLState());
                }
            }
        }
        return all.toString();
    }

    private static String describe(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null && all.length() < 10_000; t = t.getCause()) {
            all.append(' ').append(t.getMessage());
        }
        return all.toString();
    }

    static String firstLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        // Derby's network client puts the Java exception's name first ("java.net.ConnectException : Error
        // connecting ..."); a user's line names what went wrong, not a class (migrate hostile-input campaign,
        // seed 735025845509768842, once derbyclient was on the class path)
        return EXCEPTION_NAME.matcher(newline < 0 ? message : message.substring(0, newline)).replaceFirst("").trim();
    }
}
