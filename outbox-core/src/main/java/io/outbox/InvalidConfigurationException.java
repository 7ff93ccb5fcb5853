package io.outbox;

/** A configuration value or wiring choice was rejected when it was built; the message says what is accepted. */
public class InvalidConfigurationException extends OutboxException {
    private static final long serialVersionUID = 1L;

    /** {@code message} says which value was wrong and what is accepted. */
    public InvalidConfigurationException(String message) {
        super(message);
    }
}
