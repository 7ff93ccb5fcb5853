package io.outbox;

/** An embedded store is already open in another process; only one may hold it. */
public class StoreLockedException extends OutboxException {
    private static final long serialVersionUID = 1L;

    public StoreLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
