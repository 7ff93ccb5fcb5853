package io.outbox.tools.migration.run;

/** Told about a scan's progress: once at the start, after each committed batch, once at the end. Called on the scanning thread. */
public interface ProgressListener {
    /** Tells nobody. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** {@code total} rows are about to be read. */
    default void started(long total) {
    }

    /** A batch is done (and, in a real migration, committed). */
    default void advanced(Progress progress) {
    }

    /** Every row is read. */
    default void finished(Progress progress) {
    }
}
