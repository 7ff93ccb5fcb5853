package io.outbox.tools.migration.cli;

import io.outbox.InvalidConfigurationException;
import io.outbox.tools.migration.jdbc.DerbyDatabases;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks {@code --report} before anything runs, so that a report that cannot be written is bad
 * usage (exit 2, nothing written) rather than a finished migration without its report, and so
 * that the report, written through a temporary file and a rename, never replaces something that
 * is no report: a device or pipe, or a file of a Derby database. Stateless.
 */
final class ReportFile {
    private ReportFile() {
    }

    static void require(Path file, List<String> storeUrls) {
        if (file == null) {
            return;
        }
        Path absolute = absolute(file);
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw refused("a file in an existing, writable folder", file);
        }
        if (Files.isDirectory(absolute)) {
            throw refused("a file, not a folder", file);
        }
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            throw refused("a plain file (not a device, pipe or socket; leave --report out for stdout)", file);
        }
        for (String url : storeUrls) {
            Optional<Path> database = DerbyDatabases.folder(url);
            if (database.isPresent() && absolute.startsWith(database.get())) {
                throw refused("a file outside the Derby database " + database.get(), file);
            }
        }
        if (Files.exists(absolute)) {
            if (!Files.isWritable(absolute)) {
                throw refused("a file this user may write", file);
            }
            return;
        }
        try {
            Files.delete(Files.createFile(absolute)); // the name itself may be refused (too long, say)
        } catch (IOException | UnsupportedOperationException e) {
            String why = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : "cannot create it";
            throw refused("a file that can be created (" + why + ")", file);
        }
    }

    private static Path absolute(Path file) {
        try {
            return file.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw refused("a file path", file);
        }
    }

    private static InvalidConfigurationException refused(String accepted, Path file) {
        return new InvalidConfigurationException("--report: " + accepted + ", was '" + file + "'");
    }
}
