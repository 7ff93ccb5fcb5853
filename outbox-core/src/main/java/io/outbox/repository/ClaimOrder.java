package io.outbox.repository;

/** The order in which due events are claimed. */
public enum ClaimOrder {
    /** Highest priority first, then oldest first: the normal order. */
    PRIORITY_FIRST,
    /** Oldest first whatever the priority: the share of each batch that keeps background work from starving. */
    OLDEST_FIRST
}
