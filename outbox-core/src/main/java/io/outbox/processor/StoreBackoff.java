package io.outbox.processor;

import io.outbox.OutboxException;
import io.outbox.listener.OutboxListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * How the processor's loop meets a failing store: the first failure is logged and told to the
 * listener once, later ones only at debug, and the wait before the next try doubles from
 * 100 ms up to {@link ProcessorConfig#maxStoreBackoff()}. Confined to the loop's thread.
 */
final class StoreBackoff {
    /** The processor's own logger, as before this class was split out of it: its store failures keep their name. */
    private static final Logger log = LoggerFactory.getLogger(OutboxProcessor.class);
    private static final Duration MIN_STORE_BACKOFF = Duration.ofMillis(100);

    private final Duration max;
    private final OutboxListener listener;
    private int failures;

    StoreBackoff(Duration max, OutboxListener listener) {
        this.max = max;
        this.listener = listener;
    }

    /** Notes a failure; returns how long to wait before the next try. */
    Duration failed(OutboxException e) {
        failures++;
        if (failures == 1) {
            log.error("outbox store failed; retrying with backoff until it answers: {}", e.getMessage(), e);
            listener.storeFailed(e);
        } else {
            log.debug("outbox store still failing (try {}): {}", failures, e.getMessage());
        }
        long factor = 1L << Math.min(failures - 1, 16);
        Duration backoff = MIN_STORE_BACKOFF.multipliedBy(factor);
        return backoff.compareTo(max) > 0 ? max : backoff;
    }

    /** Notes a success; logs the recovery when the store had been failing. */
    void answered() {
        if (failures > 0) {
            log.info("outbox store answers again after {} failed tries", failures);
            failures = 0;
        }
    }
}
