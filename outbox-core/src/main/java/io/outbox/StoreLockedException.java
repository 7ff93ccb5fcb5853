package io.outbox;

/** An embedded store is already open in another process; only one may hold it. */
public class StoreLockedException extends OutboxException {
    private static final long serialVersionUID = 1L;

    /** A locked store described by {@code message}, caused by the driver's {@code cause}. */
    public StoreLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
