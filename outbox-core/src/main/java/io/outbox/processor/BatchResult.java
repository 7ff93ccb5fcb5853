package io.outbox.processor;

/**
 * What one batch (or a sum of batches) did.
 *
 * @param released events handed back unattempted because the processor was stopping
 */
public record BatchResult(int claimed, int delivered, int retried, int failedForGood, int released) {
    /** Nothing claimed, nothing done. */
    public static final BatchResult EMPTY = new BatchResult(0, 0, 0, 0, 0);

    /** The sum of this batch and {@code other}, for a drain's totals. */
    public BatchResult plus(BatchResult other) {
        return new BatchResult(claimed + other.claimed, delivered + other.delivered, retried + other.retried,
                failedForGood + other.failedForGood, released + other.released);
    }
}
