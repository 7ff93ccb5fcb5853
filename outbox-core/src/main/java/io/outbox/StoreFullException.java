package io.outbox;

/** The store ran out of disk space; nothing was written by the failed operation. */
public class StoreFullException extends OutboxException {
    private static final long serialVersionUID = 1L;

    public StoreFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
