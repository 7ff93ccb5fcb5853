package io.outbox.jpa.cli;

import io.outbox.event.OutboxEvent;
import io.outbox.jpa.OutboxStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;

/**
 * One command's run: the signed-in user and the store, opened on first use from the global
 * options and closed at the end. Confined to the command's thread.
 */
@Singleton
public final class Session implements AutoCloseable {
    private final OutboxApp app;
    private final GlobalOptions options;
    private final Map<String, String> environment;
    private final Clock clock;
    private OutboxStore store;

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

    /** The store the options name, opened (created or upgraded) on first use. */
    public OutboxStore store() {
        if (store == null) {
            store = OutboxStore.open(app.storeConfig(jdbcUrl()));
        }
        return store;
    }

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
        Path dir = options.dataDir().orElse(Path.of(System.getProperty("user.home"), "." + app.name()));
        createPrivately(dir);
        return "jdbc:derby:" + dir.toAbsolutePath().resolve("store") + ";create=true";
    }

    public Clock clock() {
        return clock;
    }

    public OutboxApp app() {
        return app;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** The data directory is the user's alone: created readable by its owner only. */
    private static void createPrivately(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (Files.exists(dir)) {
            throw new BadInputException("--data-dir " + dir + " is not a directory; give a directory");
        }
        try {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                dir.toFile().setReadable(true, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
