package com.lume.wellness;

/**
 * An entry or change the user asked for is not acceptable; the message says what is (exit 2).
 * Messages name the option and the rule, never the text of a title, content or note.
 */
public final class InvalidEntryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidEntryException(String message) {
        super(message);
    }
}
