package io.outbox.jpa.internal;

import io.outbox.jpa.DerbyCreation;
import org.apache.derby.client.BasicClientDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Connections to an embedded store that the app's processes share: through the server of the
 * process that owns the store, or straight into the engine when this process owns it (and then
 * serves it with {@link DerbyServer}). When the owner goes away (it ended, or was killed), the
 * next connection asked for finds the new owner or boots the store here and serves it itself;
 * connections open at that moment fail, and the pool drops them. One source per store and JVM
 * ({@link #acquire}); thread-safe.
 */
public final class SharedDerbySource implements DataSource {
    private static final Logger log = LoggerFactory.getLogger(SharedDerbySource.class);
    private static final int LOGIN_TIMEOUT_SECONDS = 5;
    /** How long a closing owner waits for the commands that work through it. */
    private static final Duration DRAIN = Duration.ofSeconds(20);
    /** How long a closing owner waits for its server to stop accepting (a few ms; a JVM exits 0.3 s late before). */
    private static final Duration LISTENER_PATIENCE = Duration.ofMillis(500);
    /**
     * How long an owner keeps its store to itself before serving it, unless a client waits for it.
     * A short command ends sooner (its work after the boot took 0.4 to 0.5 s here, so 0.3 s was too
     * little), and starting and stopping Derby's network server took a tenth of such a command's
     * CPU on two cores.
     */
    static final Duration SERVE_AFTER = Duration.ofSeconds(1);
    /** How often an owner that does not serve yet looks for a waiting client. */
    private static final long WAITING_POLL_MILLIS = 20;
    private static final Map<Path, SharedDerbySource> OPEN = new HashMap<>();
    /**
     * Derby's default schema is the user's own; the store's tables live in APP, where a store
     * opened without a credential (before sharing, or by a tool) has them.
     */
    private static final String SCHEMA = "APP";

    private final Path database;
    private final StoreCredential credential;
    private final Duration patience;
    private final ClientPins pins;
    private final OwnerLock ownerLock;
    private volatile SharedDerby.Route route;
    /** Set by the thread that starts it, read under this source's lock after that thread ended. */
    private volatile DerbyServer server;
    /** Starts the server beside the command: clients that come before it is up wait for its file. */
    private Thread serving;
    /** Counted down when the store closes: an owner that has not begun serving by then never does. */
    private final CountDownLatch closing = new CountDownLatch(1);
    /** Whether this process, as a client, holds the owner until it is done (see {@link #letOwnerLeave()}). */
    private boolean pinning = true;
    private int users;

    private SharedDerbySource(Path database, StoreCredential credential, Duration patience) {
        this.database = database;
        this.credential = credential;
        this.patience = patience;
        this.pins = new ClientPins(database);
        this.ownerLock = OwnerLock.of(database);
    }

    /**
     * The source of {@code database} in this JVM, routed on first use; release it once for each
     * acquire. Waits up to {@code patience} for a process that has the store booted but does not
     * serve it yet, then fails as a locked store.
     */
    public static SharedDerbySource acquire(Path database, StoreCredential credential, Duration patience) {
        synchronized (OPEN) {
            SharedDerbySource source = OPEN.computeIfAbsent(database.toAbsolutePath().normalize(),
                    d -> new SharedDerbySource(d, credential, patience));
            if (source.users == 0) {
                source.route(null);
            }
            source.users++;
            return source;
        }
    }

    /**
     * Gives back one acquire. The last one, when this process owns the store, waits for the
     * clients working through it (up to {@link #DRAIN}), stops serving and shuts the store down,
     * so the next process can boot it.
     */
    public void release() {
        synchronized (OPEN) {
            if (--users > 0) {
                return;
            }
            OPEN.remove(database);
            synchronized (this) {
                if (route != null && route.owner()) {
                    long start = System.nanoTime();
                    closing.countDown();
                    awaitServing();
                    if (server != null) { // clients that wait for a server that never came are not waited for
                        pins.drain(DRAIN);
                        server.stopAnnouncing(); // no new client comes
                    }
                    long drained = System.nanoTime();
                    shutDown();
                    if (server != null) {
                        DerbyServer stopping = server;
                        server = null;
                        // nobody is left to serve; Derby's own stop polls for 100 ms steps, so it runs aside,
                        // and only the listener's end is awaited
                        Thread stopper = new Thread(() -> stopServing(stopping), "outbox-derby-server-stop");
                        stopper.setDaemon(true);
                        stopper.start();
                        stopping.awaitListenerGone(LISTENER_PATIENCE);
                    } else {
                        ownerLock.release();
                    }
                    log.debug("closed {}: clients drained in {} ms, store shut down in {} ms", database,
                            (drained - start) / 1_000_000, (System.nanoTime() - drained) / 1_000_000);
                }
                pins.unpin();
            }
        }
    }

    /**
     * This process copes with losing its connections (it works on through the next owner, as a
     * watching sync does), so an owner that closes need not wait for it.
     */
    public synchronized void letOwnerLeave() {
        pinning = false;
        if (route != null && !route.owner()) {
            pins.unpin();
        }
    }

    private void shutDown() {
        try {
            DerbyCreation.shutDown("jdbc:derby:" + database, credential.user(), credential.password());
        } catch (SQLException e) {
            if (!"XJ004".equals(e.getSQLState())) { // not booted: nothing to shut down
                log.warn("shutting down {} reported: {}", database, e.getMessage());
            }
        }
    }

    /**
     * Stops the server, then lets another process own the store. A connection the server took in
     * before its stop may have booted the store again after {@link #shutDown()}, so it is shut
     * down once more first: two processes must never have it booted at once. A JVM that exits
     * before this ends lets go of both at its end.
     */
    private void stopServing(DerbyServer stopping) {
        try {
            stopping.close();
            shutDown();
        } finally {
            ownerLock.release();
        }
    }

    /** Whether this process has the store booted (and serves it when it could start a server). */
    public boolean owner() {
        SharedDerby.Route current = route;
        return current != null && current.owner();
    }

    public Path database() {
        return database;
    }

    @Override
    public Connection getConnection() throws SQLException {
        SharedDerby.Route current = route;
        try {
            return connect(current);
        } catch (SQLException e) {
            if (current.owner() || !ownerGone(e)) {
                throw e;
            }
            log.info("the process serving {} went away ({}); finding its new owner", database, e.getSQLState());
            return connect(route(current));
        }
    }

    /** Routes again unless another thread did since {@code failed} was found wanting. */
    private synchronized SharedDerby.Route route(SharedDerby.Route failed) {
        if (route != failed) {
            return route;
        }
        if (pinning) {
            pins.pin(); // before looking: an owner shutting down is waited for, not found half-gone
        }
        SharedDerby.Route found;
        long start = System.nanoTime();
        try {
            found = SharedDerby.resolve(database, credential, patience, ownerLock);
        } catch (RuntimeException e) {
            pins.unpin();
            throw e;
        }
        if (found.owner()) {
            pins.unpin();
            log.debug("this process owns {} (booted in {} ms)", database, (System.nanoTime() - start) / 1_000_000);
            serving = new Thread(this::serve, "outbox-derby-server-start");
            serving.setDaemon(true);
            serving.start();
        }
        route = found;
        return found;
    }

    /**
     * Serves the store once {@link #SERVE_AFTER} has passed, or as soon as a client waits for it (a
     * client holds its pin while it looks for the owner); an owner that closes first never serves.
     */
    private void serve() {
        long deadline = System.nanoTime() + SERVE_AFTER.toNanos();
        try {
            while (!closing.await(WAITING_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() >= deadline || pins.othersPinned()) {
                    server = DerbyServer.start(database, credential).orElse(null);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("not serving {} to other processes: {}", database, e.getMessage());
        }
    }

    /** Waits for the server's start, begun beside the command (a second or less), if it began. */
    private void awaitServing() {
        Thread starting = serving;
        if (starting == null) {
            return;
        }
        try {
            starting.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Connection connect(SharedDerby.Route to) throws SQLException {
        Connection connection = to.owner()
                ? DriverManager.getConnection(to.url(), credential.user(), credential.password()) : client(to);
        try {
            connection.setSchema(SCHEMA);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    private Connection client(SharedDerby.Route to) throws SQLException {
        BasicClientDataSource client = new BasicClientDataSource();
        client.setServerName(DerbyServer.LOOPBACK);
        client.setPortNumber(to.port());
        client.setDatabaseName(database.toString());
        client.setUser(credential.user());
        client.setPassword(credential.password());
        client.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        return client.getConnection();
    }

    /**
     * The server is gone or is no longer the store's: refused or lost connections (08xxx), or a
     * server that does not know the store any more (XJ004, XJ040 after its shutdown).
     */
    static boolean ownerGone(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("XJ004") || state.equals("XJ040"));
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("a shared store's source gives the store's own credential");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // nothing is logged through JDBC's writer
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // clients use their own; the engine has none
    }

    @Override
    public int getLoginTimeout() {
        return LOGIN_TIMEOUT_SECONDS;
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
