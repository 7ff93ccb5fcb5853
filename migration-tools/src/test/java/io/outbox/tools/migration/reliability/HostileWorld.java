package io.outbox.tools.migration.reliability;

import io.outbox.tools.migration.fixture.LegacyFixture;
import io.outbox.tools.migration.jdbc.DerbyDatabases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Makes the places the hostile inputs point at: a legacy store, a corrupt copy, a file, a folder, a pipe, an unreadable copy. Stateless. */
final class HostileWorld {
    private HostileWorld() {
    }

    static HostileInputs.World make(Path dir, String table) throws IOException, SQLException {
        Path root = Files.createDirectories(dir.resolve("world"));
        Path legacyDir = root.resolve("legacy");
        String legacy = "jdbc:derby:" + legacyDir;
        try (Connection c = DriverManager.getConnection(legacy + ";create=true")) {
            LegacyFixture.write(c, LegacyFixture.Store.DERBY, table, 120, 9);
            LegacyFixture.writeOther(c, "not_legacy", "id CHAR(36) NOT NULL, created_at TIMESTAMP");
        }
        DerbyDatabases.shutDown(legacy);
        Path corrupt = root.resolve("corrupt");
        copy(legacyDir, corrupt);
        Files.writeString(corrupt.resolve("service.properties"), "\u0000garbage=\uFFFF\n", StandardCharsets.UTF_8);
        Path file = Files.writeString(root.resolve("plain.txt"), "not a database\n");
        Path empty = Files.createDirectories(root.resolve("empty"));
        return new HostileInputs.World(root, legacy, legacyDir, file, empty, fifo(root.resolve("pipe")),
                root.resolve("missing"), corrupt, unreadable(legacyDir, dir.resolve("locked-away")));
    }

    /** A copy of the store nobody may read; none where this runs as root (root reads it anyway). Outside the snapshot: it cannot be walked. */
    private static Path unreadable(Path store, Path folder) throws IOException {
        Path copy = folder.resolve("unreadable");
        copy(store, copy);
        try (var paths = Files.walk(copy)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().setReadable(false, false));
        }
        copy.toFile().setExecutable(false, false);
        if (Files.isReadable(copy.resolve("service.properties")) || Files.isReadable(copy)) {
            return null;
        }
        return copy;
    }

    /** Makes the unreadable copy readable again, so that the temporary folder can be removed. */
    static void restore(HostileInputs.World world) {
        if (world != null && world.unreadable() != null) {
            readable(world.unreadable().toFile());
        }
    }

    private static void readable(java.io.File file) {
        file.setReadable(true, false);
        if (file.isDirectory()) {
            file.setExecutable(true, false);
            java.io.File[] children = file.listFiles();
            for (java.io.File child : children == null ? new java.io.File[0] : children) {
                readable(child);
            }
        }
    }

    static Path fifo(Path path) {
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).start();
            return mkfifo.waitFor() == 0 ? path : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
