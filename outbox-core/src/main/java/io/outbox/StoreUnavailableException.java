package io.outbox;

/** The store cannot be reached or written right now (server down, connection lost, I/O error). */
public class StoreUnavailableException extends OutboxException {
    private static final long serialVersionUID = 1L;

    /** An unreachable store described by {@code message}, caused by the driver's {@code cause}. */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
