package io.outbox.cli;

import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.SharedStores;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Opens the store a command line names on a thread of its own, while the command line is still
 * being wired and parsed: on two cores, booting Derby and EclipseLink then overlaps with Guice
 * and picocli instead of following them (a third of a short command's time). It only guesses
 * from {@code --data-dir} (or the default directory) and only opens an embedded store that
 * exists, with its credential, so a guess writes nothing that the command would not; the
 * session takes the store only when the parsed options name the same URL (and meets its
 * failure, if the early open failed), and opens its own otherwise. A store
 * opened but not taken (a usage error, say) is closed with this object. Not for
 * {@code --db-url}, the demo, help or version. Thread-safe.
 */
public final class HeadStart implements AutoCloseable {
    private static final Set<String> WITHOUT_STORE = Set.of("demo", "help", "--help", "-h", "--version", "-V");
    private static final String DATA_DIR = "--data-dir";
    private static final String DB_URL = "--db-url";
    private static final HeadStart NONE = new HeadStart(null, null);

    private final String url;
    private final FutureTask<OutboxStore> opening;
    private boolean taken;

    private HeadStart(String url, FutureTask<OutboxStore> opening) {
        this.url = url;
        this.opening = opening;
    }

    /** No early open: the session opens its store itself. */
    public static HeadStart none() {
        return NONE;
    }

    /** Starts opening the embedded store {@code args} name, if it exists; see the class comment. */
    public static HeadStart begin(OutboxApp app, String[] args) {
        Optional<Path> dir = dataDir(app, args);
        if (dir.isEmpty()) {
            return NONE;
        }
        Path database = dir.get().toAbsolutePath().resolve(Session.DATABASE);
        if (!SharedStores.existing(database)) {
            return NONE; // a new store: the command creates it, after checking its options
        }
        String url = Session.derbyUrl(dir.get());
        Session.prepareDerby(dir.get());
        FutureTask<OutboxStore> opening = new FutureTask<>(() -> OutboxStore.open(app.storeConfig(url)));
        Thread thread = new Thread(opening, "outbox-head-start");
        thread.setDaemon(true);
        thread.start();
        return new HeadStart(url, opening);
    }

    /** The directory the command line names for the embedded store, or empty when unsure or not needed. */
    private static Optional<Path> dataDir(OutboxApp app, String[] args) {
        String given = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--") || arg.startsWith("@") || WITHOUT_STORE.contains(arg) || arg.equals(DB_URL)
                    || arg.startsWith(DB_URL + "=")) {
                return Optional.empty(); // end of options, an argument file, no store, or not embedded
            }
            String value = null;
            if (arg.equals(DATA_DIR)) {
                value = i + 1 < args.length ? args[++i] : null;
                if (value == null) {
                    return Optional.empty();
                }
            } else if (arg.startsWith(DATA_DIR + "=")) {
                value = arg.substring(DATA_DIR.length() + 1);
            }
            if (value != null) {
                if (given != null || value.isBlank() || value.indexOf(';') >= 0 || value.indexOf(':') >= 0) {
                    return Optional.empty(); // twice, or a value the command refuses
                }
                given = value;
            }
        }
        if (args.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(given != null ? Path.of(given) : Session.defaultDataDir(app));
        } catch (RuntimeException notAPath) {
            return Optional.empty();
        }
    }

    /**
     * The store opened early for {@code url}, once: empty when none was, or it was for another
     * URL (the caller opens the store itself). When the early open of that URL failed, its
     * failure is the command's: opening again would only wait as long to fail the same way.
     */
    synchronized Optional<OutboxStore> take(String url) {
        if (opening == null || taken || !this.url.equals(url)) {
            return Optional.empty();
        }
        taken = true;
        try {
            return Optional.of(awaitOpened());
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Closes the store opened early, if the session did not take it. */
    @Override
    public synchronized void close() {
        if (opening == null || taken) {
            return;
        }
        taken = true;
        try {
            awaitOpened().close();
        } catch (ExecutionException | RuntimeException failed) {
            // nothing was opened, or closing failed: the command's own outcome stands
        }
    }

    private OutboxStore awaitOpened() throws ExecutionException {
        while (true) {
            try {
                return opening.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the open cannot be cut short: Derby would be left half-booted
            }
        }
    }
}
