package io.outbox.tools.migration.run;

/**
 * How far a scan has come: rows read of the total, and what became of them. Immutable.
 *
 * @param migrated rows written to the target (committed), or that a dry run would write
 */
public record Progress(long total, long read, long migrated, long alreadyPresent, long quarantined) {
    public Progress {
        if (read < 0 || migrated < 0 || alreadyPresent < 0 || quarantined < 0 || total < 0) {
            throw new IllegalArgumentException("progress counts must not be negative");
        }
    }
}
