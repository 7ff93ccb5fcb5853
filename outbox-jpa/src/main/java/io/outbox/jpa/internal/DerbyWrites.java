package io.outbox.jpa.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The count of outbox writes in the JVM that has Derby stores booted, kept by the insert
 * trigger of Derby migration V3 and waited on by processors in other processes
 * ({@link DerbyWakeUps}). One count for every store of the JVM: a write to one store may wake
 * a processor of another, which then polls once for nothing. The count starts again at zero
 * in each JVM, so waiters compare for a change, not for growth. Thread-safe.
 */
public final class DerbyWrites {
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition MOVED = LOCK.newCondition();
    private static long count;

    private DerbyWrites() {
    }

    /** The trigger's procedure: one more statement wrote events. */
    public static void written() {
        LOCK.lock();
        try {
            count++;
            MOVED.signalAll();
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * The waiting function: returns the count once it differs from {@code seen}, or after
     * {@code millis} without a write (then it may equal {@code seen}).
     */
    public static long awaitWrite(long seen, int millis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
        LOCK.lock();
        try {
            while (count == seen && nanos > 0) {
                nanos = MOVED.awaitNanos(nanos);
            }
            return count;
        } finally {
            LOCK.unlock();
        }
    }
}
