package io.outbox.tools.migration.cli;

/** The exit codes of docs/cli.md, shared by every jar. */
final class ExitCode {
    static final int DONE = 0;
    /** Finished, but rows were quarantined. */
    static final int LEFT_UNDONE = 1;
    /** Bad usage or bad input; nothing was written. */
    static final int BAD_INPUT = 2;
    /** The store cannot be opened or written. */
    static final int STORE = 3;

    private ExitCode() {
    }
}
