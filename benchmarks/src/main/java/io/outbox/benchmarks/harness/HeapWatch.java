package io.outbox.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Samples the heap while a measurement runs: the peak of heap used (garbage included) and
 * the peak of what the old generation held right after a collection (the live set), so a
 * leak shows as a rising live set, not as a busy allocator. Owns its sampling thread.
 * Thread-safe.
 */
public final class HeapWatch implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 10;

    private final Thread sampler;
    private final List<MemoryPoolMXBean> heapPools;
    private volatile boolean running = true;
    private volatile long peakUsed;
    private volatile long peakLiveAfterGc;

    private HeapWatch() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()).toList();
        sampler = new Thread(this::sample, "heap-watch");
        sampler.setDaemon(true);
    }

    /** Collects garbage, resets the pools' peaks and starts sampling. */
    @SuppressWarnings("java:S1215") // an explicit GC before the measurement is the point
    public static HeapWatch start() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        HeapWatch watch = new HeapWatch();
        watch.sampler.start();
        return watch;
    }

    public long peakUsedBytes() {
        return Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    public long peakLiveAfterGcBytes() {
        return peakLiveAfterGc;
    }

    public static long maxHeapBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    private void sample() {
        while (running) {
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (used > peakUsed) {
                peakUsed = used;
            }
            long live = 0;
            for (MemoryPoolMXBean pool : heapPools) {
                MemoryUsage after = pool.getCollectionUsage();
                live += after == null ? 0 : after.getUsed();
            }
            if (live > peakLiveAfterGc) {
                peakLiveAfterGc = live;
            }
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
