package com.fitiq.progress;

/** A progress entry or change the user asked for is not acceptable; the message says what is (exit 2). */
public final class InvalidEntryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidEntryException(String message) {
        super(message);
    }
}
