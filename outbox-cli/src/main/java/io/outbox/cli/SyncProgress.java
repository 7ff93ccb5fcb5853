package io.outbox.cli;

import io.outbox.event.OutboxEvent;
import io.outbox.listener.OutboxListener;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what a sync does and, on a terminal, shows it live on stderr. Thread-safe. */
final class SyncProgress implements OutboxListener {
    private final Output output;
    private final boolean live;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastShown = new AtomicLong();

    SyncProgress(Output output, boolean live) {
        this.output = output;
        this.live = live;
    }

    @Override
    public void delivered(OutboxEvent event, Duration handlerTime, Duration latency) {
        delivered.incrementAndGet();
        show();
    }

    @Override
    public void retried(OutboxEvent event, String reason, Instant nextAttemptAt) {
        retried.incrementAndGet();
        show();
    }

    @Override
    public void failedForGood(OutboxEvent event, String reason) {
        failed.incrementAndGet();
        show();
    }

    long delivered() {
        return delivered.get();
    }

    void finish() {
        if (live) {
            output.progress(text());
            output.err().println();
        }
    }

    private void show() {
        long now = System.nanoTime();
        long last = lastShown.get();
        if (live && now - last > 200_000_000L && lastShown.compareAndSet(last, now)) {
            output.progress(text());
        }
    }

    private String text() {
        return "syncing: " + delivered.get() + " delivered, " + retried.get() + " retries, " + failed.get()
                + " failed for good";
    }
}
