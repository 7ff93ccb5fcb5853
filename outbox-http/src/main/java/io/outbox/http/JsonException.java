package io.outbox.http;

/**
 * JSON text was rejected at {@link #position()} (a 0-based character offset). The message
 * names what was expected but never quotes the input: bodies may hold private text.
 */
public class JsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The 0-based character offset where the problem was found. */
    private final int position;

    /** {@code problem} says what was wrong, never quoting the input; {@code position} where (a character offset). */
    public JsonException(String problem, int position) {
        super(problem + " at position " + position);
        this.position = position;
    }

    /** The character offset where the problem was found. */
    public int position() {
        return position;
    }
}
