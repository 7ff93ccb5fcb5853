package io.outbox.tools.migration.cli;

import io.outbox.tools.migration.run.Progress;
import io.outbox.tools.migration.run.ProgressListener;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Passes progress on and samples the heap in use after every batch; the highest sample is the
 * report's {@code peak_heap_bytes} (garbage not yet collected included, so an upper bound of
 * what the run keeps). Not thread-safe.
 */
final class HeapWatch implements ProgressListener {
    private final ProgressListener next;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private long peak;

    HeapWatch(ProgressListener next) {
        this.next = next;
    }

    @Override
    public void started(long total) {
        sample();
        next.started(total);
    }

    @Override
    public void advanced(Progress progress) {
        sample();
        next.advanced(progress);
    }

    @Override
    public void finished(Progress progress) {
        sample();
        next.finished(progress);
    }

    long peakBytes() {
        return peak;
    }

    private void sample() {
        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }
}
