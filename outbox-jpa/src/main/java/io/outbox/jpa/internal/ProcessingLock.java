package io.outbox.jpa.internal;

import io.outbox.StoreLockedException;
import io.outbox.StoreUnavailableException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one processor of an embedded store: a lock on {@code <store>.processing.lock}, held while
 * a processor delivers, so that every event marked processing belongs to the holder or to a
 * holder that is gone (and may be taken back at once). The operating system lets go of the
 * lock when its process ends, killed or not, so a stale file never blocks anyone. The file
 * names the holder's pid, for the refusal's message. Closing releases it; not thread-safe.
 *
 * <p>POSIX locks belong to the process, and closing any channel on the file drops them all, so a
 * second take in the JVM that holds the lock is refused before it opens the file.
 */
public final class ProcessingLock implements AutoCloseable {
    /** The lock files this JVM holds. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private ProcessingLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    public static Path fileOf(Path database) {
        return database.resolveSibling(database.getFileName() + ".processing.lock");
    }

    /** Takes the lock of {@code database}, or fails at once when another processor holds it. */
    public static ProcessingLock take(Path database, String what) {
        Path file = fileOf(database).toAbsolutePath().normalize();
        if (!HELD.add(file)) {
            throw refusal(what, database, Long.toString(ProcessHandle.current().pid()));
        }
        FileChannel channel = null;
        try {
            channel = LockFiles.open(file);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                HELD.remove(file);
                throw refusal(what, database, new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim());
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)),
                    0);
            channel.force(false);
            return new ProcessingLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD.remove(file);
            throw new StoreUnavailableException("cannot take the processing lock " + file + " (" + e.getMessage()
                    + "); check that the data directory is yours and writable", e);
        }
    }

    private static StoreLockedException refusal(String what, Path database, String holder) {
        return new StoreLockedException(what + " already runs on the store " + database
                + (holder.matches("[0-9]{1,19}") ? " in process " + holder : "") + " and delivers the"
                + " changes of every process; let it run, or stop it before starting another", null);
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
        HELD.remove(file);
    }
}
