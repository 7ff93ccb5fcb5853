package io.outbox;

/** The store ran out of disk space; nothing was written by the failed operation. */
public class StoreFullException extends OutboxException {
    private static final long serialVersionUID = 1L;

    /** A full store described by {@code message}, caused by the driver's {@code cause}. */
    public StoreFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
