package io.outbox.jpa.internal;

import io.outbox.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Lets the owner of a shared embedded store wait for its clients before it goes: each client
 * holds a shared lock on {@code <store>.clients.lock} while it works through the owner's
 * server, and the closing owner takes the exclusive lock, which it gets once they are done,
 * before it stops serving and shuts the store down. A client that asks for its pin while the
 * owner holds the exclusive lock waits until the store is down, then finds no owner and boots
 * it itself. The operating system lets go of a killed process's locks. One per source;
 * thread-safe.
 */
final class ClientPins {
    private static final Logger log = LoggerFactory.getLogger(ClientPins.class);
    private static final long POLL_MILLIS = 20;

    private final Path file;
    private FileChannel channel;
    private FileLock lock;

    ClientPins(Path database) {
        this.file = database.resolveSibling(database.getFileName() + ".clients.lock");
    }

    /** Holds a client's pin; waits while an owner is shutting the store down. */
    synchronized void pin() {
        if (lock != null) {
            return;
        }
        try {
            lock = open().lock(0, Long.MAX_VALUE, true);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot take the client lock " + file + " (" + e.getMessage()
                    + "); check that the data directory is yours and writable", e);
        }
    }

    /** Lets go of this process's pin, if it holds one. */
    synchronized void unpin() {
        release();
    }

    /**
     * The owner's turn: waits until no client holds a pin, for at most {@code patience}; true when
     * it got the exclusive lock (hold it until the store is down, then {@link #unpin()}).
     */
    synchronized boolean drain(Duration patience) {
        release();
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            FileChannel open = open();
            while (true) {
                lock = open.tryLock(0, Long.MAX_VALUE, false);
                if (lock != null) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    log.warn("clients of {} still work through this process after {}; stopping anyway, their"
                            + " commands fail and write nothing", file.getParent(), patience);
                    return false;
                }
                Thread.sleep(POLL_MILLIS); // another process's lock: nothing here to be woken by
            }
        } catch (IOException e) {
            log.debug("cannot wait for the clients of {}: {}", file, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Whether another process holds a pin now: a client that waits for this owner's server, or
     * works through it. For an owner, which holds none itself.
     */
    synchronized boolean othersPinned() {
        if (lock != null) {
            return false;
        }
        try {
            FileLock probe = open().tryLock(0, Long.MAX_VALUE, false);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (IOException e) {
            log.debug("cannot look for the clients of {}: {}", file, e.getMessage());
            return false;
        }
    }

    private FileChannel open() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = LockFiles.open(file);
        }
        return channel;
    }

    private void release() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            log.debug("letting go of {}: {}", file, e.getMessage());
        } finally {
            lock = null;
            channel = null;
        }
    }
}
