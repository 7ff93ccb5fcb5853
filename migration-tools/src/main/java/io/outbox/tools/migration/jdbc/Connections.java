package io.outbox.tools.migration.jdbc;

import io.outbox.OutboxException;
import io.outbox.StoreLockedException;
import io.outbox.StoreUnavailableException;
import io.outbox.jpa.DerbyCreation;
import io.outbox.jpa.StoreConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Opens plain JDBC connections to a source or a dry run's target, and turns their failures
 * into the library's exceptions with a message that says what to do. Stateless.
 */
public final class Connections {
    private static final java.util.regex.Pattern EXCEPTION_NAME =
            java.util.regex.Pattern.compile("^\\s*(?:[\\w$]+\\.)+[\\w$]*(?:Exception|Error)\\s*:\\s*");

    private Connections() {
    }

    /** A read-only connection without auto-commit (so PostgreSQL streams with a fetch size). */
    public static Connection openReadOnly(String url, String role) {
        DerbyDatabases.keepLogBeside(url);
        try {
            Connection connection = DriverManager.getConnection(url);
            try {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                return connection;
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e, url, role);
        }
    }

    /** Opens and closes one connection: an embedded database stays booted in this JVM (and is created when the URL says so). */
    public static void boot(String url, String role) {
        DerbyDatabases.keepLogBeside(url);
        if ("target".equals(role)) {
            try {
                DerbyCreation.createAtomically(url); // a kill while Derby creates it must not leave a broken target
            } catch (StoreUnavailableException e) {
                throw new StoreUnavailableException("the " + role + ": " + e.getMessage(), e);
            }
        }
        try (Connection ignored = DriverManager.getConnection(url)) {
            ignored.getMetaData();
        } catch (SQLException e) {
            throw translate(e, url, role);
        }
    }

    /** The URL without passwords, for messages. */
    public static String redacted(String url) {
        return StoreConfig.url(url).redactedUrl();
    }

    /** The library exception for a failure of the {@code role} database ("source", "target") at {@code url}. */
    public static OutboxException translate(SQLException failure, String url, String role) {
        String where = "the " + role + " " + redacted(url);
        String states = states(failure);
        String text = messages(failure).toLowerCase(Locale.ROOT);
        if (states.contains("XSDB6") || text.contains("already booted")) {
            return new StoreLockedException(where + " is open in another process (a running app or sync?); "
                    + "close that one and try again", failure);
        }
        if (text.contains("no suitable driver")) {
            return new StoreUnavailableException("no JDBC driver accepts " + where + "; accepted: "
                    + "jdbc:derby:DIR or jdbc:postgresql://HOST:PORT/DB", failure);
        }
        if (states.contains("XJ004")) {
            return new StoreUnavailableException("there is no database at " + where + "; check the path"
                    + ("target".equals(role) ? " (a new Derby target needs ;create=true)" : ""), failure);
        }
        if (states.matches("(?s).*\\b(08\\w{3}|57P0[123])\\b.*") || text.contains("connection refused")) {
            return new StoreUnavailableException("cannot reach " + where + " (" + firstLine(failure)
                    + "); check that the server runs and the URL is right", failure);
        }
        return new OutboxException(where + " failed: " + firstLine(failure), failure);
    }

    /** Every SQL state in the chain: Derby nests the telling one (XSDB6) under a generic one (XJ040). */
    private static String states(SQLException failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                all.append(' ').append(sql.getSQLState());
                for (SQLException next = sql.getNextException(); next != null; next = next.getNextException()) {
                    all.append(' ').append(next.getSQLState());
                }
            }
        }
        return all.toString();
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null && all.length() < 10_000; t = t.getCause()) {
            all.append(' ').append(t.getMessage());
        }
        return all.toString();
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int newline = message.indexOf('\n');
        // Derby's network client starts with the Java exception's name ("java.net.ConnectException : ..."),
        // which no user's line may show (hostile-input campaign, seed 735025845509768842)
        return EXCEPTION_NAME.matcher(newline < 0 ? message : message.substring(0, newline)).replaceFirst("").trim();
    }
}
