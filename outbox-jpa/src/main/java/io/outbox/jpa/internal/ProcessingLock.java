package io.outbox.jpa.internal;

import io.outbox.StoreLockedException;
import io.outbox.StoreUnavailableException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one processor of an embedded store: a lock on {@code <store>.processing.lock}, held while
 * a processor delivers, so that every event marked processing belongs to the holder or to a
 * holder that is gone (and may be taken back at once). The operating system lets go of the
 * lock when its process ends, killed or not, so a stale file never blocks anyone. The file
 * names the holder's pid, for the refusal's message. Closing releases it; not thread-safe.
 */
public final class ProcessingLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ProcessingLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static Path fileOf(Path database) {
        return database.resolveSibling(database.getFileName() + ".processing.lock");
    }

    /** Takes the lock of {@code database}, or fails at once when another processor holds it. */
    public static ProcessingLock take(Path database, String what) {
        Path file = fileOf(database);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
                channel.close();
                throw new StoreLockedException(what + " already runs on the store " + database
                        + (holder.matches("[0-9]{1,19}") ? " in process " + holder : "") + " and delivers the"
                        + " changes of every process; let it run, or stop it before starting another",
                        null);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)),
                    0);
            channel.force(false);
            return new ProcessingLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreUnavailableException("cannot take the processing lock " + file + " (" + e.getMessage()
                    + "); check that the data directory is yours and writable", e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel or the process
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
