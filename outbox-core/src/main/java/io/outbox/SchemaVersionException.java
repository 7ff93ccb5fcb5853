package io.outbox;

/** The store's schema is newer than this code, or a migration of it failed. */
public class SchemaVersionException extends OutboxException {
    private static final long serialVersionUID = 1L;

    /** A schema problem described by {@code message}. */
    public SchemaVersionException(String message) {
        super(message);
    }

    /** A schema problem described by {@code message}, caused by {@code cause}. */
    public SchemaVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
