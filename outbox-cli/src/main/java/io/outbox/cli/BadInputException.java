package io.outbox.cli;

/** The user's input was rejected: the message names the option or value and what is accepted (exit 2). */
public final class BadInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** {@code message} says what was wrong and what is accepted, in one line. */
    public BadInputException(String message) {
        super(message);
    }
}
