package io.outbox.jpa.internal;

import io.outbox.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may boot a shared embedded store: an exclusive lock on {@code <store>.owner.lock}, taken
 * before Derby boots the store and held until it is shut down and nothing in this process can
 * boot it again. Derby's own lock does not keep two processes that boot at the same moment
 * apart: it deletes {@code dbex.lck} at each clean shutdown, and a booting process that finds the
 * file just created by another, still empty, takes that as a file system without locks and boots
 * anyway (seen here in 3 of 15 rounds of four JVMs booting one store at once), and two engines on
 * one store corrupt it. This file is never deleted, so its lock always means one owner. The
 * operating system lets go of it when the process ends, killed or not.
 *
 * <p>POSIX locks belong to the process, and closing any channel on the file drops them all, so a
 * JVM has one of these per store ({@link #of}), whose channel stays open. Thread-safe.
 */
final class OwnerLock {
    private static final Logger log = LoggerFactory.getLogger(OwnerLock.class);

    private static final Map<Path, OwnerLock> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private FileChannel channel;
    private FileLock lock;

    private OwnerLock(Path file) {
        this.file = file;
    }

    /** This JVM's lock of {@code database}. */
    static OwnerLock of(Path database) {
        Path normal = database.toAbsolutePath().normalize();
        return LOCKS.computeIfAbsent(normal.resolveSibling(normal.getFileName() + ".owner.lock"), OwnerLock::new);
    }

    /**
     * Takes the lock if nobody holds it; false when another process holds it, or this JVM does
     * (a source of the store that is still closing).
     */
    synchronized boolean tryTake() {
        if (lock != null) {
            return false;
        }
        try {
            if (channel == null) {
                channel = LockFiles.open(file);
            }
            lock = channel.tryLock();
            return lock != null;
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot take the owner lock " + file + " (" + e.getMessage()
                    + "); check that the data directory is yours and writable", e);
        }
    }

    /** Lets another process boot the store; call only once it is shut down here. */
    synchronized void release() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            log.debug("letting go of {}: {}", file, e.getMessage()); // the process's end lets go of it
        } finally {
            lock = null;
        }
    }
}
