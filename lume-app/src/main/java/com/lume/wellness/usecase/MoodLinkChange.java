package com.lume.wellness.usecase;

import java.util.Objects;
import java.util.UUID;

/** What a journal update does to the entry's link to a mood entry. */
public sealed interface MoodLinkChange permits MoodLinkChange.Keep, MoodLinkChange.Link, MoodLinkChange.Unlink {
    /** Leaves the link as it is. */
    record Keep() implements MoodLinkChange {
    }

    /** Links the entry to this mood entry (of the same user). */
    record Link(UUID moodId) implements MoodLinkChange {
        public Link {
            Objects.requireNonNull(moodId, "moodId");
        }
    }

    /** Removes the link ({@code --no-mood}). */
    record Unlink() implements MoodLinkChange {
    }

    static MoodLinkChange keep() {
        return new Keep();
    }

    static MoodLinkChange link(UUID moodId) {
        return new Link(moodId);
    }

    static MoodLinkChange unlink() {
        return new Unlink();
    }
}
