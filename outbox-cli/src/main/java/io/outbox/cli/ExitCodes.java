package io.outbox.cli;

/** The exit codes of every jar (docs/cli.md). */
public final class ExitCodes {
    /** Done, nothing left undone. */
    public static final int DONE = 0;
    /** Finished, but something is left undone (events failed or pending, rows quarantined). */
    public static final int UNDONE = 1;
    /** Bad usage or bad input; nothing was written. */
    public static final int BAD_INPUT = 2;
    /** The store cannot be opened or written. */
    public static final int STORE = 3;

    private ExitCodes() {
    }
}
