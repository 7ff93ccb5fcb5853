package com.lume.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Plain JDBC on the embedded store a jar process left in a data directory, for tests that plant
 * or inspect rows between runs. {@link #shutDown} releases the store so the next process can boot it.
 */
public final class DerbyStore {
    private DerbyStore() {
    }

    public static String url(Path dataDir) {
        return "jdbc:derby:" + dataDir.toAbsolutePath().resolve("store");
    }

    public static Connection connect(Path dataDir) throws SQLException {
        keepLogInTarget();
        return DriverManager.getConnection(url(dataDir));
    }

    /** Derby writes derby.log into the working directory unless told otherwise before it boots. */
    public static void keepLogInTarget() {
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", Path.of("target", "derby-it.log").toAbsolutePath().toString());
        }
    }

    public static void shutDown(Path dataDir) {
        try {
            DriverManager.getConnection(url(dataDir) + ";shutdown=true").close();
        } catch (SQLException expected) {
            if (!"08006".equals(expected.getSQLState())) {
                throw new IllegalStateException("shutting down the test store failed: " + expected.getMessage(), expected);
            }
        }
    }
}
