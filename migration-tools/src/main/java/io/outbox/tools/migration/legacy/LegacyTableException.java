package io.outbox.tools.migration.legacy;

/** The source table is missing or is not a legacy Lume outbox table; the message names what is missing. Bad input, not a store failure. */
public class LegacyTableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LegacyTableException(String message) {
        super(message);
    }

    public LegacyTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
