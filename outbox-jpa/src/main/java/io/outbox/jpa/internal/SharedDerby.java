package io.outbox.jpa.internal;

import io.outbox.StoreLockedException;
import org.apache.derby.client.BasicClientDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * How this process reaches an embedded store that another process of the owner may already
 * serve: through that process's server when its {@link ServerFile} names one that accepts the
 * store's credential, else by booting the store here, which makes this process its owner (it
 * then serves it with {@link DerbyServer}). A server file that names nothing, a port another
 * program holds, or a server that refuses the credential is passed over. Stateless.
 */
public final class SharedDerby {
    private static final Logger log = LoggerFactory.getLogger(SharedDerby.class);
    /** A server that has not let us in by then is not ours (a port held by something that never answers). */
    private static final int LOGIN_TIMEOUT_SECONDS = 2;
    /** A closing owner lets go within milliseconds of its store being down; a starting one serves within a second. */
    private static final Duration RETRY = Duration.ofMillis(25);
    /**
     * An owner serves within a second of its boot, at once when a client waits, and a closing one
     * waits up to 20 s for its clients; under load each takes longer.
     */
    private static final Duration OWNER_STARTING_OR_CLOSING = Duration.ofSeconds(30);

    private SharedDerby() {
    }

    /** Where connections to the store go, and whether this process owns it; a client's port. */
    public record Route(String url, boolean owner, int port) {
    }

    /**
     * The route to {@code database}, for a JVM that has no {@link SharedDerbySource} of it (a
     * tool or a test): as {@link #resolve(Path, StoreCredential, Duration, OwnerLock)} with this
     * JVM's lock, held as long as it lives when it boots the store.
     */
    public static Route resolve(Path database, StoreCredential credential, Duration patience) {
        return resolve(database, credential, patience, OwnerLock.of(database));
    }

    /**
     * The route to {@code database}: through the server its file names, or else, when no other
     * process holds {@code owner}, by booting it here, which keeps {@code owner} held. When
     * another process of the owner's holds the lock without serving yet (it is starting, or
     * closing), waits for it up to {@link #OWNER_STARTING_OR_CLOSING}; when a process that does not
     * take the lock has the store booted (another tool), up to {@code patience}; then fails as a
     * locked store.
     */
    static Route resolve(Path database, StoreCredential credential, Duration patience, OwnerLock owner) {
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        long self = ProcessHandle.current().pid();
        while (true) {
            Optional<ServerFile> file = ServerFile.read(database).filter(f -> f.pid() != self);
            if (file.isPresent() && accepts(file.get(), database, credential)) {
                return new Route(DerbyServer.clientUrl(file.get(), database), false, file.get().port());
            }
            SQLException refused = null;
            if (owner.tryTake()) {
                String embedded = "jdbc:derby:" + database;
                try (Connection boot = DriverManager.getConnection(embedded, credential.user(), credential.password())) {
                    return new Route(embedded, true, 0);
                } catch (SQLException e) {
                    owner.release();
                    if (!bootedElsewhere(e)) {
                        throw StoreErrors.translate(e, database.toString());
                    }
                    refused = e; // booted by a process that does not take the owner lock: another tool
                }
            }
            if (refused != null && System.nanoTime() > deadline) {
                throw new StoreLockedException("the store " + database + " is open in another process that does"
                        + " not serve it (an older version, or another tool); close that one and try again", refused);
            }
            if (refused == null && System.nanoTime() > start + OWNER_STARTING_OR_CLOSING.toNanos()) {
                throw new StoreLockedException("the store " + database + " is held by another process of the app"
                        + " that has neither served it nor let go of it in " + OWNER_STARTING_OR_CLOSING.toSeconds()
                        + " s; close that one and try again", null);
            }
            pause();
        }
    }

    /** Whether the server the file names lets us in with the store's credential. */
    static boolean accepts(ServerFile file, Path database, StoreCredential credential) {
        BasicClientDataSource source = new BasicClientDataSource();
        source.setServerName(DerbyServer.LOOPBACK);
        source.setPortNumber(file.port());
        source.setDatabaseName(database.toAbsolutePath().toString());
        source.setUser(credential.user());
        source.setPassword(credential.password());
        source.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        try (Connection connection = source.getConnection()) {
            return connection.isValid(LOGIN_TIMEOUT_SECONDS);
        } catch (SQLException notOurs) {
            log.debug("passing over the server on port {} of {}: {}", file.port(), database, notOurs.getSQLState());
            return false;
        }
    }

    /** Another JVM has the store booted: the store's own translation of Derby's XSDB6. */
    private static boolean bootedElsewhere(SQLException e) {
        return StoreErrors.translate(e, "") instanceof StoreLockedException;
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY.toMillis()); // another process's lock or file: nothing here to be woken by
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreLockedException("interrupted while waiting for the process that owns the store", e);
        }
    }
}
