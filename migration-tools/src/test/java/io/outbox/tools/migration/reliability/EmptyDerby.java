package io.outbox.tools.migration.reliability;

import io.outbox.tools.migration.cli.Databases;
import io.outbox.tools.migration.jdbc.DerbyDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * New, empty Derby databases by copying one made once (creating one costs a second; a copy of
 * a cleanly shut down database is a valid database, as Derby's offline backups are). Only for
 * the legacy stores the campaigns seed; every database the jar creates, it creates itself.
 * Thread-safe.
 */
final class EmptyDerby {
    private static Path template;

    private EmptyDerby() {
    }

    /** Copies the empty database to the folder {@code url} names (its {@code ;create=true} dropped); returns the URL to open. */
    static synchronized String copyTo(String url) {
        String plain = DerbyDatabases.withoutCreate(url);
        Path folder = DerbyDatabases.folder(plain).orElseThrow(() -> new IllegalArgumentException("no folder in " + url));
        try {
            if (template == null) {
                Path parent = Files.createDirectories(Path.of("target", "reliability").toAbsolutePath());
                Path made = Files.createTempDirectory(parent, "empty-derby-").resolve("db");
                String create = "jdbc:derby:" + made + ";create=true";
                Databases.with(create, c -> null);
                DerbyDatabases.shutDown(create);
                template = made;
            }
            try (Stream<Path> paths = Files.walk(template)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    Path copy = folder.resolve(template.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(path, copy);
                    }
                }
            }
            return plain;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
