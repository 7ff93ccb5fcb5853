package io.outbox.jpa.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the process serving an embedded store listens: {@code <store>.server} beside the
 * database, written whole (a rename) and owner-only by the serving process, read by the others.
 * It is only a hint: a reader trusts a server only once it accepted the store's credential, so
 * a stale file, or one naming a port another program holds, costs a refused connection and
 * nothing else. Immutable.
 *
 * @param instance this serving run's random id: a file is removed only by the run that wrote it
 */
public record ServerFile(int port, long pid, String instance) {
    public ServerFile {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [1, 65535], was " + port);
        }
    }

    public static Path fileOf(Path database) {
        return database.resolveSibling(database.getFileName() + ".server");
    }

    /** The file's content; empty when there is none or it cannot be read as one. */
    public static Optional<ServerFile> read(Path database) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(fileOf(database))) {
            properties.load(in);
            return Optional.of(new ServerFile(Integer.parseInt(properties.getProperty("port", "")),
                    Long.parseLong(properties.getProperty("pid", "")), properties.getProperty("instance", "")));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty(); // half a file from a killed writer cannot exist (rename), but garbage can
        }
    }

    /** Writes this as the store's server file, replacing any earlier one in one step. */
    public void write(Path database) throws IOException {
        Path file = fileOf(database);
        Path part = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".part",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Properties properties = new Properties();
            properties.setProperty("port", Integer.toString(port));
            properties.setProperty("pid", Long.toString(pid));
            properties.setProperty("instance", instance);
            try (OutputStream out = Files.newOutputStream(part)) {
                properties.store(out, "the process serving this store to the owner's other processes");
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Removes the store's server file if it is still this one (a later server may have replaced it). */
    public void removeIfOurs(Path database) {
        try {
            if (read(database).filter(this::equals).isPresent()) {
                Files.deleteIfExists(fileOf(database));
            }
        } catch (IOException leftBehind) {
            // a stale file is only a hint: the next process finds nobody there and serves the store itself
        }
    }
}
