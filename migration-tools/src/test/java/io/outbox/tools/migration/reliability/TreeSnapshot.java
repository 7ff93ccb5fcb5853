package io.outbox.tools.migration.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file and folder under a root with its size and modification time: equal snapshots mean nothing
 * was created, changed or removed there. Derby's own bookkeeping, which a mere open touches (its
 * transaction log, lock files, temporary folder, derby.log), is left out; its data files are
 * in. Immutable.
 */
record TreeSnapshot(Map<String, String> entries) {
    static TreeSnapshot of(Path root) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(path -> !bookkeeping(root.relativize(path))).forEach(path ->
                    entries.put(root.relativize(path).toString(), describe(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSnapshot(entries);
    }

    /** What changed from {@code before} to this one, for a message. */
    String changesSince(TreeSnapshot before) {
        StringBuilder changes = new StringBuilder();
        before.entries.forEach((path, was) -> {
            String now = entries.get(path);
            if (now == null) {
                changes.append("removed ").append(path).append("; ");
            } else if (!now.equals(was)) {
                changes.append("changed ").append(path).append("; ");
            }
        });
        entries.keySet().stream().filter(path -> !before.entries.containsKey(path))
                .forEach(path -> changes.append("created ").append(path).append("; "));
        return changes.toString();
    }

    private static boolean bookkeeping(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("log") || name.equals("tmp") || name.equals("derby.log") || name.endsWith(".lck")) {
                return true;
            }
        }
        return false;
    }

    /** Kind, size and modification time: cheap, and any write shows in them. */
    private static String describe(Path path) {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return "folder";
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return "other";
        }
        try {
            return Files.size(path) + " bytes, modified " + Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
