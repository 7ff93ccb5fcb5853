package io.outbox;

/** The store's schema is newer than this code, or a migration of it failed. */
public class SchemaVersionException extends OutboxException {
    private static final long serialVersionUID = 1L;

    public SchemaVersionException(String message) {
        super(message);
    }

    public SchemaVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
