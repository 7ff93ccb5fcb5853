package io.outbox.jpa;

import io.outbox.jpa.internal.DerbyServer;
import io.outbox.jpa.internal.SharedDerbySource;
import io.outbox.jpa.internal.StoreCredential;
import io.outbox.jpa.internal.StoreErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The life of the embedded Derby databases that stores open on a pool of their own: where
 * Derby logs, the route to a shared store, and the shutdown once a database's last opener in
 * this JVM closes it (so another process may open it). Stores on a caller's DataSource take
 * no part: the caller owns the database. Thread-safe.
 */
final class EmbeddedDerby {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDerby.class);
    /** Open stores per embedded database in this JVM: Derby is shut down when the last one closes. */
    private static final ConcurrentHashMap<String, Integer> OPEN = new ConcurrentHashMap<>();
    /** How long to wait for a process that has an embedded store booted to serve it. */
    private static final Duration OWNER_PATIENCE = Duration.ofSeconds(5);

    private EmbeddedDerby() {
    }

    /**
     * The route to a shared embedded store: its credential (made with the store), the store
     * created whole when new, and the process that serves it found, or this one made its owner.
     */
    static SharedDerbySource sharedSource(String url, Path database) {
        DerbyCreation.makeFolder(database);
        StoreCredential credential = StoreCredential.loadOrCreate(database);
        DerbyServer.allow(credential);
        DerbyCreation.createAtomically(url, credential.user(), credential.password());
        try {
            return SharedDerbySource.acquire(database, credential, OWNER_PATIENCE);
        } catch (RuntimeException e) {
            throw StoreErrors.translate(e, url);
        }
    }

    /** Lets go of a shared store's route, if there is one. */
    static void release(SharedDerbySource shared) {
        if (shared != null) {
            shared.release();
        }
    }

    /** One more store of this JVM has the database {@code url} names open. */
    static void opened(String url) {
        OPEN.merge(database(url), 1, Integer::sum);
    }

    /** One store less has it open; the last one shuts it down. */
    static void closed(String url) {
        String database = database(url);
        if (OPEN.merge(database, -1, Integer::sum) <= 0) {
            OPEN.remove(database);
            shutDown(database);
        }
    }

    private static String database(String url) {
        int attributes = url.indexOf(';');
        return attributes < 0 ? url : url.substring(0, attributes);
    }

    /** Releases the embedded database's lock so another process may open it. */
    private static void shutDown(String database) {
        try {
            DerbyCreation.shutDown(database, null, null);
        } catch (SQLException e) {
            log.warn("shutting down {} reported: {}", database, e.getMessage());
        }
    }

    /** Derby writes derby.log into the working directory unless told otherwise. */
    static void keepLogBesideStore(String url) {
        String path = database(url).substring("jdbc:derby:".length());
        if (System.getProperty("derby.stream.error.file") == null && !path.startsWith("memory:")) {
            Path parent = Path.of(path).toAbsolutePath().getParent();
            if (parent != null) {
                parent.toFile().mkdirs();
                System.setProperty("derby.stream.error.file", parent.resolve("derby.log").toString());
            }
        }
    }
}
