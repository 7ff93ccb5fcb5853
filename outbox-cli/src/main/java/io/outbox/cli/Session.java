package io.outbox.cli;

import io.outbox.event.OutboxEvent;
import io.outbox.jpa.OutboxStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * One command's run: the signed-in user and the store, opened on first use from the global
 * options and closed at the end. Confined to the command's thread.
 */
@Singleton
public final class Session implements AutoCloseable {
    /** Derby's switch: false makes every file it creates readable by the JVM's user only. */
    private static final String DERBY_DEFAULT_PERMISSIONS = "derby.storage.useDefaultFilePermissions";
    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rwx------");
    /** Linux's limits on a path and on one name in it. */
    private static final int MAX_PATH = 4_000;
    private static final int MAX_NAME = 255;
    /** The embedded store's folder in the data directory. */
    static final String DATABASE = "store";
    private final OutboxApp app;
    private final GlobalOptions options;
    private final Map<String, String> environment;
    private final Clock clock;
    private OutboxStore store;
    private HeadStart headStart = HeadStart.none();

    /** The run of {@code app}'s command, with the global options, environment and clock it reads. */
    @Inject
    public Session(OutboxApp app, GlobalOptions options, Environment environment, Clock clock) {
        this.app = app;
        this.options = options;
        this.environment = environment.variables();
        this.clock = clock;
    }

    /** The signed-in user: {@code --user}, else {@code <PREFIX>_USER}; validated. */
    public String user() {
        String variable = app.envPrefix() + "_USER";
        String user = options.user().orElse(environment.get(variable));
        if (user == null || user.isEmpty()) {
            throw new BadInputException("no user: pass --user ID or set " + variable);
        }
        if (!OutboxEvent.USER_ID.matcher(user).matches()) {
            throw new BadInputException("--user '" + Output.shorten(user) + "' is not a user id; use 1 to 64 of"
                    + " A-Za-z0-9._@-");
        }
        return user;
    }

    /** The store the options name, opened (created or upgraded) on first use, or taken from {@code headStart}. */
    public OutboxStore store() {
        if (store == null) {
            String url = jdbcUrl();
            prepareDerby(options.dbUrl().isPresent() ? null : options.dataDir().orElseGet(() -> defaultDataDir(app)));
            store = headStart.take(url).orElseGet(() -> OutboxStore.open(app.storeConfig(url)));
        }
        return store;
    }

    /** Where the store may already be opening: {@link #store()} takes it if the options name it. */
    public void headStart(HeadStart early) {
        this.headStart = early;
    }

    /** What must hold before this JVM opens an embedded store, in {@code dataDir} unless null (a URL). */
    static void prepareDerby(Path dataDir) {
        System.setProperty(DERBY_DEFAULT_PERMISSIONS, System.getProperty(DERBY_DEFAULT_PERMISSIONS, "false"));
        if (dataDir != null) {
            DerbyHome.use(dataDir);
        }
    }

    /**
     * The store's JDBC URL: {@code --db-url}, else the embedded store in {@code --data-dir} (default
     * {@code ~/.<app>}), the directory checked and created owner-only; a bad-input failure when both
     * are given, or either is unusable.
     */
    public String jdbcUrl() {
        if (options.dataDir().isPresent() && options.dbUrl().isPresent()) {
            throw new BadInputException("--data-dir and --db-url exclude each other; give one of them");
        }
        if (options.dbUrl().isPresent()) {
            String url = options.dbUrl().get();
            if (!url.startsWith("jdbc:")) {
                throw new BadInputException("--db-url '" + Output.shorten(url) + "' is not a JDBC URL; use e.g."
                        + " jdbc:postgresql://HOST:PORT/DB?user=NAME or jdbc:derby:DIR");
            }
            return url;
        }
        Path dir = options.dataDir().orElseGet(() -> defaultDataDir(app));
        requireUsable(dir);
        createPrivately(dir);
        return derbyUrl(dir);
    }

    /** {@code ~/.<app>}. */
    static Path defaultDataDir(OutboxApp app) {
        return Path.of(System.getProperty("user.home"), "." + app.name());
    }

    /** The URL of the embedded store in {@code dir}. */
    static String derbyUrl(Path dir) {
        return "jdbc:derby:" + dir.toAbsolutePath().resolve(DATABASE) + ";create=true";
    }

    /** The clock the command reads the time from. */
    public Clock clock() {
        return clock;
    }

    /** The app the command belongs to. */
    public OutboxApp app() {
        return app;
    }

    /** The process's environment variables (the user and the API token may come from them). */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * A directory a Derby URL can name: not empty (that would be the working directory), no
     * {@code ;} (it starts URL attributes, so options could be slipped in) or {@code :} (read as
     * a subprotocol), and within the file system's limits.
     */
    private static void requireUsable(Path dir) {
        String text = dir.toString();
        if (text.isBlank()) {
            throw new BadInputException("--data-dir is empty; give a directory, e.g. --data-dir ~/.outbox-data");
        }
        if (text.indexOf(';') >= 0 || text.indexOf(':') >= 0) {
            throw new BadInputException("--data-dir '" + Output.shorten(text) + "' holds ';' or ':', which a Derby"
                    + " store path cannot; give a directory without them");
        }
        boolean nameTooLong = false;
        for (Path name : dir) {
            nameTooLong |= name.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME;
        }
        if (text.length() > MAX_PATH || nameTooLong) {
            throw new BadInputException("--data-dir '" + Output.shorten(text) + "' is too long; give a path of at most "
                    + MAX_PATH + " characters, each name at most " + MAX_NAME + " bytes");
        }
    }

    /**
     * The data directory is the user's alone: created readable by its owner only, from the first
     * moment (the permissions are given at creation, so no other user can open it in between),
     * as are the files Derby makes in it ({@link #store()} tells Derby so).
     */
    private static void createPrivately(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (Files.exists(dir)) {
            throw new BadInputException("--data-dir " + dir + " is not a directory; give a directory");
        }
        try {
            Path absolute = dir.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            if (absolute.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.setPosixFilePermissions(absolute, OWNER_ONLY); // the umask may have taken bits away
            } else {
                Files.createDirectory(absolute);
                absolute.toFile().setReadable(true, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + Output.shorten(dir.toString()) + ": "
                    + reason(e), e);
        }
    }

    /** Why a file operation failed, without the path again (it may be long). */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
