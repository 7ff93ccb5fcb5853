package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.store.Notes;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;

import java.util.concurrent.atomic.LongAdder;

/** Takes every benchmark note event and does nothing but count it. Thread-safe. */
public final class NoOpHandler implements OutboxHandler {
    private final LongAdder handled = new LongAdder();

    @Override
    public String eventType() {
        return Notes.EVENT_TYPE;
    }

    @Override
    public HandlerResult handle(OutboxEvent event) {
        handled.increment();
        return HandlerResult.done();
    }

    public long handled() {
        return handled.sum();
    }
}
