package io.outbox.jpa.internal;

import io.outbox.StoreUnavailableException;
import org.apache.derby.drda.NetworkServerControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Serves an embedded store that this process has booted to the owner's other processes, with
 * Derby's own network server: on the loopback address only, on a free port, and only to
 * connections that give the store's {@link StoreCredential}. Its {@link ServerFile} tells the
 * others where it listens. Closing stops the server and removes the file. Not thread-safe;
 * the store that owns it closes it once.
 */
public final class DerbyServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DerbyServer.class);
    static final String LOOPBACK = "127.0.0.1";
    private static final Duration STARTING = Duration.ofSeconds(10);
    private static final int PORT_ATTEMPTS = 5;

    /** Derby names the thread that accepts connections so ({@code NetworkServerThread_<n>}). */
    private static final String LISTENER = "NetworkServerThread";
    private static final Object STARTING_LOCK = new Object();

    private final NetworkServerControl control;
    private final ServerFile file;
    private final Path database;
    private final List<Thread> listeners;

    private DerbyServer(NetworkServerControl control, ServerFile file, Path database, List<Thread> listeners) {
        this.control = control;
        this.file = file;
        this.database = database;
        this.listeners = listeners;
    }

    /**
     * Must run before this JVM boots Derby (the switch is read once, at boot): from then on every
     * connection to any of its databases, embedded ones included, must give a user Derby knows.
     */
    public static void requireAuthentication() {
        DerbyAuthentication.require();
    }

    /** Makes {@code credential} a user of this JVM's Derby (read at each login, so it may come after boot). */
    public static void allow(StoreCredential credential) {
        System.setProperty("derby.user." + credential.user(), credential.password());
    }

    /**
     * Starts serving {@code database}, already booted here with {@code credential}. Empty when it
     * must not be served: Derby booted in this JVM before {@link #requireAuthentication()}, so a
     * connection without the credential would get in.
     */
    public static Optional<DerbyServer> start(Path database, StoreCredential credential) {
        if (!refusesStrangers(database, credential)) {
            log.warn("not serving {} to other processes: Derby was started in this process without authentication",
                    database);
            return Optional.empty();
        }
        StoreUnavailableException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            try {
                return Optional.of(startOnFreePort(database, credential));
            } catch (StoreUnavailableException portTaken) {
                last = portTaken; // another program took the free port between our look and the bind
            }
        }
        throw last;
    }

    private static DerbyServer startOnFreePort(Path database, StoreCredential credential) {
        int port = freePort();
        try {
            NetworkServerControl control = new NetworkServerControl(InetAddress.getByName(LOOPBACK), port,
                    credential.user(), credential.password());
            List<Thread> listeners;
            synchronized (STARTING_LOCK) { // one server starts at a time: the new listener is this server's
                Set<Thread> before = listenerThreads();
                control.start(null); // no console: nothing of the server reaches the command's output
                awaitUp(control, port);
                listeners = listenerThreads().stream().filter(t -> !before.contains(t)).toList();
            }
            ServerFile file = new ServerFile(port, ProcessHandle.current().pid(), UUID.randomUUID().toString());
            file.write(database);
            log.debug("serving {} on {}:{}", database, LOOPBACK, port);
            return new DerbyServer(control, file, database, listeners);
        } catch (Exception e) { // NetworkServerControl declares Exception
            throw new StoreUnavailableException("cannot serve the store " + database + " to other processes on "
                    + LOOPBACK + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static void awaitUp(NetworkServerControl control, int port) throws Exception {
        long deadline = System.nanoTime() + STARTING.toNanos();
        while (true) {
            try {
                control.ping();
                return;
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the server did not answer on port " + port + " within " + STARTING, notYet);
                }
                Thread.sleep(20); // the server's own start-up, not a test waiting: nothing to be woken by
            }
        }
    }

    /** Derby refuses a login with the right user and a wrong password: authentication is on. */
    private static boolean refusesStrangers(Path database, StoreCredential credential) {
        try {
            DriverManager.getConnection("jdbc:derby:" + database, credential.user(), "not-" + UUID.randomUUID()).close();
            return false;
        } catch (SQLException refused) {
            return "08004".equals(refused.getSQLState());
        }
    }

    private static Set<Thread> listenerThreads() {
        Set<Thread> found = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(LISTENER)) {
                found.add(thread);
            }
        }
        return found;
    }

    /**
     * Waits, at most {@code patience}, until the server no longer accepts connections, after
     * {@link #close()} began elsewhere. A JVM exits 0.3 s late while any thread sits in a native
     * call such as {@code accept}, so a short command waits the few milliseconds this takes.
     */
    public void awaitListenerGone(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            for (Thread listener : listeners) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    listener.join(Math.max(1, left / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StoreUnavailableException("no free port on " + LOOPBACK + " to serve the store: " + e.getMessage(), e);
        }
    }

    /** The file that tells other processes where this server listens. */
    public ServerFile file() {
        return file;
    }

    /** The client URL of the served store. */
    public static String clientUrl(ServerFile file, Path database) {
        return "jdbc:derby://" + LOOPBACK + ":" + file.port() + "/" + database.toAbsolutePath();
    }

    /** Removes the server file (if still this server's): no process finds this server any more. */
    public void stopAnnouncing() {
        file.removeIfOurs(database);
    }

    @Override
    public void close() {
        file.removeIfOurs(database);
        try {
            control.shutdown();
        } catch (Exception e) { // NetworkServerControl declares Exception
            log.debug("stopping the server of {}: {}", database, e.getMessage());
        }
    }
}
