package io.outbox;

/**
 * The root of every failure the outbox library reports. Adapters translate store and
 * driver exceptions into one of its subclasses at the boundary, so callers catch one type.
 * Expected outcomes (a handler asking for a retry, an event failing for good) are values,
 * never exceptions.
 */
public class OutboxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public OutboxException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
