package io.outbox.jpa.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Opens the lock files beside an embedded store (owner, clients, processing): created when
 * missing, readable by the JVM's user only. POSIX locks belong to the process, and closing any
 * channel on a file drops all of them, so each caller keeps one channel per file. Stateless.
 */
final class LockFiles {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private LockFiles() {
    }

    static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE), OWNER_ONLY);
    }
}
