package io.outbox.jpa.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/**
 * The thread behind a cross-process wake-up: it holds one connection that waits for other
 * processes' writes, and makes it again, after a pause, when it is lost. Polling stays the
 * fallback meanwhile, so a lost connection only delays an event to the next poll. Subclasses
 * say how one connection listens, and start the thread at the end of their constructor.
 * Thread-safe.
 */
public abstract class WakeUpThread implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WakeUpThread.class);

    private final Thread thread;
    private final long pauseMillis;
    private final long closeMillis;
    private final boolean interruptOnClose;
    private volatile boolean running = true;
    private volatile boolean listening;

    /**
     * @param interruptOnClose whether closing interrupts a wait (not inside Derby's engine, which
     *                         takes an interrupt as a reason to close the connection)
     */
    WakeUpThread(String name, long pauseMillis, long closeMillis, boolean interruptOnClose) {
        this.pauseMillis = pauseMillis;
        this.closeMillis = closeMillis;
        this.interruptOnClose = interruptOnClose;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** Call last in the subclass's constructor. */
    protected final void start() {
        thread.start();
    }

    /** Opens a connection, calls {@link #listening(boolean)}, waits for writes while {@link #running()}. */
    protected abstract void listenOnce() throws SQLException;

    protected final boolean running() {
        return running;
    }

    protected final void listening(boolean value) {
        listening = value;
    }

    /** Whether the waiting connection is up (for tests and health). */
    public final boolean listening() {
        return listening;
    }

    private void run() {
        while (running) {
            try {
                listenOnce();
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    log.debug("{}: the wake-up connection was lost ({}); polling covers until it is back",
                            thread.getName(), e.getMessage());
                    pause();
                }
            }
        }
        listening = false;
    }

    private void pause() {
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        if (interruptOnClose) {
            thread.interrupt();
        }
        try {
            thread.join(closeMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
