package io.outbox.micrometer;

import io.outbox.OutboxException;
import io.outbox.stats.OutboxStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The last statistics read, kept for a while so that every gauge of one scrape, and scrapes
 * close together, share one store query. Thread-safe: one read at a time, the others wait for it.
 */
final class StatisticsCache {
    private static final Logger log = LoggerFactory.getLogger(StatisticsCache.class);

    private final Supplier<OutboxStatistics> source;
    private final Duration maxAge;
    private final Clock clock;
    private Instant readAt = Instant.MIN;
    private Optional<OutboxStatistics> last = Optional.empty();
    private boolean failing;

    StatisticsCache(Supplier<OutboxStatistics> source, Duration maxAge, Clock clock) {
        this.source = source;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The statistics at most {@code maxAge} old; empty while the store cannot be read. */
    synchronized Optional<OutboxStatistics> current() {
        Instant now = clock.instant();
        // a clock set back must not freeze the cache until it catches up again
        if (now.isBefore(readAt) || !now.isBefore(readAt.plus(maxAge))) {
            readAt = now;
            last = read();
        }
        return last;
    }

    private Optional<OutboxStatistics> read() {
        try {
            OutboxStatistics statistics = source.get();
            if (failing) {
                failing = false;
                log.info("outbox statistics can be read again; the outbox gauges show values again");
            }
            return Optional.of(statistics);
        } catch (OutboxException e) {
            if (!failing) {
                failing = true;
                // the processor logs the store's failure with its cause; this says what the gauges do
                log.warn("outbox statistics could not be read; the outbox gauges show NaN until they can: {}",
                        e.toString());
            }
            return Optional.empty();
        }
    }
}
