package io.outbox.processor;

/**
 * What one batch (or a sum of batches) did.
 *
 * @param released events handed back unattempted because the processor was stopping
 * @param waiting  events parked, without an attempt counted, until an event they wait on completes
 */
public record BatchResult(int claimed, int delivered, int retried, int failedForGood, int released, int waiting) {
    /** Nothing claimed, nothing done. */
    public static final BatchResult EMPTY = new BatchResult(0, 0, 0, 0, 0, 0);

    /** A batch in which nothing waited. */
    public BatchResult(int claimed, int delivered, int retried, int failedForGood, int released) {
        this(claimed, delivered, retried, failedForGood, released, 0);
    }

    /** The sum of this batch and {@code other}, for a drain's totals. */
    public BatchResult plus(BatchResult other) {
        return new BatchResult(claimed + other.claimed, delivered + other.delivered, retried + other.retried,
                failedForGood + other.failedForGood, released + other.released, waiting + other.waiting);
    }
}
