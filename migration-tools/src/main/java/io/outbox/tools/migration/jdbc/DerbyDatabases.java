package io.outbox.tools.migration.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/** What embedded Derby URLs need beside a connection: derby.log out of the working directory, a clean shutdown. Stateless. */
public final class DerbyDatabases {
    private static final Logger log = LoggerFactory.getLogger(DerbyDatabases.class);
    private static final String PREFIX = "jdbc:derby:";

    private DerbyDatabases() {
    }

    public static boolean isDerby(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith(PREFIX) && !url.toLowerCase(Locale.ROOT).startsWith("jdbc:derby://");
    }

    /** The URL without its attributes ({@code ;create=true} and the like): the database it names. */
    public static String database(String url) {
        int attributes = url.indexOf(';');
        return attributes < 0 ? url : url.substring(0, attributes);
    }

    /** The URL without {@code ;create=true}, so that connecting never creates a database. */
    public static String withoutCreate(String url) {
        return url.replaceAll("(?i);\\s*create\\s*=\\s*true", "");
    }

    /** Derby writes derby.log into the working directory unless told otherwise; put it beside the database. */
    static void keepLogBeside(String url) {
        if (System.getProperty("derby.stream.error.file") != null) {
            return;
        }
        Optional<Path> parent = folder(url).map(Path::getParent);
        if (parent.isPresent() && parent.get().toFile().isDirectory()) {
            System.setProperty("derby.stream.error.file", parent.get().resolve("derby.log").toString());
        }
    }

    /** The folder an embedded Derby URL names on disk (absolute), if it names one: not for memory, jar or classpath databases. */
    public static Optional<Path> folder(String url) {
        if (!isDerby(url)) {
            return Optional.empty();
        }
        String path = database(url).substring(PREFIX.length());
        if (path.regionMatches(true, 0, "directory:", 0, "directory:".length())) {
            path = path.substring("directory:".length());
        }
        if (path.isBlank() || path.contains(":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(path).toAbsolutePath().normalize());
        } catch (java.nio.file.InvalidPathException notAPath) {
            return Optional.empty();
        }
    }

    /** Shuts an embedded database down (releasing its lock for other processes); a database not booted is left alone. */
    public static void shutDown(String url) {
        if (!isDerby(url) || database(url).length() == PREFIX.length()) {
            return; // no database named: "jdbc:derby:;shutdown=true" would stop the whole engine in this JVM
        }
        try {
            DriverManager.getConnection(database(url) + ";shutdown=true").close();
        } catch (SQLException expected) {
            // 08006: shut down as asked; XJ004: not booted (or not there), nothing to do
            if (!"08006".equals(expected.getSQLState()) && !"XJ004".equals(expected.getSQLState())) {
                log.debug("shutting down {} reported: {}", database(url), expected.getMessage());
            }
        }
    }
}
