package io.outbox.jpa;

import io.outbox.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Makes a new embedded Derby database appear whole or not at all. Derby creates a database in
 * place, so a process killed while creating it (found by the migrate kill campaign: SIGKILL
 * 604 ms after start) leaves a directory Derby can neither boot nor create again ("Failed to
 * create database"), and every later run fails. Here a URL with {@code create=true} naming a
 * directory that does not exist yet is created beside it, under a temporary name, shut down and
 * then renamed into place in one atomic move. A kill leaves at most a {@code .creating-*}
 * directory beside the store, which nothing reads. Stateless.
 */
public final class DerbyCreation {
    private static final Logger log = LoggerFactory.getLogger(DerbyCreation.class);
    private static final String PREFIX = "jdbc:derby:";

    private DerbyCreation() {
    }

    /** Creates the database {@code url} names, atomically, when the URL asks for it and it does not exist yet. */
    public static void createAtomically(String url) {
        createAtomically(url, null, null);
    }

    /** As {@link #createAtomically(String)}, logging in as {@code user} (Derby authentication on). */
    public static void createAtomically(String url, String user, String password) {
        Optional<Path> database = onDisk(url);
        int semicolon = url.indexOf(';');
        String attributes = semicolon < 0 ? "" : url.substring(semicolon);
        if (database.isEmpty() || !attributes.toLowerCase(Locale.ROOT).contains(";create=true")) {
            return; // memory: and other subprotocols, or a database that must exist already
        }
        Path target = database.get();
        if (Files.exists(target) || target.getParent() == null) {
            return;
        }
        makeFolder(target);
        Path creating = target.resolveSibling(target.getFileName() + ".creating-" + UUID.randomUUID());
        try {
            String temporary = PREFIX + creating + attributes;
            DriverManager.getConnection(temporary, user, password).close();
            shutDown(PREFIX + creating, user, password);
            Files.move(creating, target, StandardCopyOption.ATOMIC_MOVE);
            log.debug("created the Derby database {}", target);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException another) {
            deleteQuietly(creating); // another process created it in the meantime: use theirs
        } catch (SQLException | IOException | RuntimeException e) {
            deleteQuietly(creating);
            // the open that follows reports the store's own error, as before
            log.debug("could not create {} beside it first: {}", target, e.getMessage());
        }
    }

    /**
     * The absolute path of the database an embedded URL names on disk; empty for other URLs
     * ({@code memory:} and other subprotocols, the network client's {@code //host}).
     */
    public static Optional<Path> onDisk(String url) {
        if (!url.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || url.startsWith("//", PREFIX.length())) {
            return Optional.empty();
        }
        int semicolon = url.indexOf(';');
        String path = semicolon < 0 ? url.substring(PREFIX.length()) : url.substring(PREFIX.length(), semicolon);
        if (path.isEmpty() || path.contains(":")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(path).toAbsolutePath());
    }

    /** Makes the folder that holds {@code target}, or fails with a clear line. */
    public static void makeFolder(Path target) {
        if (target.getParent() == null) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException | RuntimeException e) {
            // Left to Derby, a path under a plain file made it create a database named "null" in the
            // working directory (found by the migrate hostile-input campaign, seed 5640795262225647969).
            throw new StoreUnavailableException("cannot create the Derby store " + target + ": its folder "
                    + target.getParent() + " cannot be made (" + e.getMessage() + "); name a directory path", e);
        }
    }

    /**
     * Shuts the embedded database down, releasing its lock for another process; {@code user} is
     * null without Derby authentication. Derby's answer to a clean shutdown (08006) is not a failure.
     */
    public static void shutDown(String database, String user, String password) throws SQLException {
        try {
            DriverManager.getConnection(database + ";shutdown=true", user, password).close();
        } catch (SQLException expected) {
            if (!"08006".equals(expected.getSQLState())) {
                throw expected;
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.debug("could not remove {}: {}", dir, e.getMessage());
        }
    }
}
