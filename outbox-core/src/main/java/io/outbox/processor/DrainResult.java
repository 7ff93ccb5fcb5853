package io.outbox.processor;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a drain ended.
 *
 * @param totals    the sum of its batches
 * @param idle      true when nothing was due and nothing would be due within the timeout;
 *                  false when the drain was stopped first
 * @param nextDueAt when the next event will be due, when one will
 */
public record DrainResult(BatchResult totals, boolean idle, Optional<Instant> nextDueAt) {
    /** Checks that the totals and the next due time are given. */
    public DrainResult {
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(nextDueAt, "nextDueAt");
    }
}
