package com.lume.wellness;

/**
 * What a mood event records of its change for people and tools reading the outbox: the valence
 * and how many labels the entry had, never the labels' or the note's words (the handler sends the
 * entry's state from its row). Stored as JSON by {@link io.outbox.metadata.TypedMetadata}. Valid by
 * construction. Immutable.
 */
public record MoodMetadata(double valence, int labelCount) {
    /** Refuses what no mood entry could hold. */
    public MoodMetadata {
        if (!(valence >= -1 && valence <= 1)) {
            throw new IllegalArgumentException("valence must be between -1 and 1, was " + valence);
        }
        if (labelCount < 0 || labelCount > Labels.MAX_LABELS) {
            throw new IllegalArgumentException("labelCount must be between 0 and " + Labels.MAX_LABELS + ", was "
                    + labelCount);
        }
    }

    /** The metadata of a change that left {@code entry} as it is. */
    public static MoodMetadata of(MoodEntry entry) {
        return new MoodMetadata(entry.valence(), entry.labels().size());
    }
}
