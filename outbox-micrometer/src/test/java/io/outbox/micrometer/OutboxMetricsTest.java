package io.outbox.micrometer;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Tags;
import io.outbox.InvalidConfigurationException;
import io.outbox.StoreUnavailableException;
import io.outbox.listener.OutboxListener;
import io.outbox.processor.OutboxProcessor;
import io.outbox.stats.OutboxStatistics;
import io.outbox.testing.OutboxEventBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gauges, read from a real processor's statistics through the cache. */
class OutboxMetricsTest {
    private static final String MOOD = "mood";
    private final TestOutbox outbox = new TestOutbox();
    private final OutboxProcessor processor = outbox.processor(OutboxListener.NONE,
            TestOutbox.succeeding(MOOD));
    private final AtomicInteger reads = new AtomicInteger();
    private final Supplier<OutboxStatistics> countedStatistics = () -> {
        reads.incrementAndGet();
        return processor.statistics();
    };

    @AfterEach
    void close() {
        outbox.close();
    }

    private void bind(OutboxMetrics.Builder metrics) {
        metrics.clock(outbox.clock).build().bindTo(outbox.registry);
    }

    private double gauge(String name, String... tags) {
        return outbox.registry.get(name).tags(tags).gauge().value();
    }

    private double pending() {
        return gauge("outbox.events", "status", "pending");
    }

    private void storePending() {
        outbox.stored(anEvent().withType(MOOD).createdAt(outbox.now()));
    }

    /** Reads every meter, as a registry's scrape does. */
    private void scrape() {
        for (Meter meter : outbox.registry.getMeters()) {
            for (Measurement measurement : meter.measure()) {
                measurement.getValue();
            }
        }
    }

    /** {@code count} events, made {@code secondsAgo} and each a second later than the one before. */
    private void store(int count, long secondsAgo, UnaryOperator<OutboxEventBuilder> state) {
        for (int i = 0; i < count; i++) {
            outbox.stored(state.apply(anEvent().withType(MOOD).createdAt(outbox.now().minusSeconds(secondsAgo - i))));
        }
    }

    @Test
    void givenEventsInEveryState_whenScraped_thenGaugesShowEachCountAndTheOldestPendingAge() {
        store(6, 600, UnaryOperator.identity()); // stale: pending for over 5 min
        store(7, 120, e -> e.withType("legacy.note"));
        store(2, 180, e -> e.processingBy("another-worker", outbox.now().plusSeconds(300)));
        store(5, 7200, e -> e.completedAt(outbox.now().minusSeconds(3600)));
        store(3, 240, e -> e.failedRetryAt("HTTP 503", outbox.now().plusSeconds(60)));
        store(1, 360, e -> e.forEntity("refused").failedForGood("HTTP 422"));
        store(3, 30, e -> e.forEntity("refused"));

        bind(OutboxMetrics.builder(processor::statistics));

        assertThat(pending()).isEqualTo(6 + 7 + 3);
        assertThat(gauge("outbox.events", "status", "processing")).isEqualTo(2);
        assertThat(gauge("outbox.events", "status", "completed")).isEqualTo(5);
        assertThat(gauge("outbox.events", "status", "failed")).isEqualTo(4);
        assertThat(gauge("outbox.events.failed.for.good")).isEqualTo(1);
        assertThat(gauge("outbox.events.stale")).isEqualTo(6);
        assertThat(gauge("outbox.events.blocked")).isEqualTo(3);
        assertThat(gauge("outbox.events.waiting.for.handler")).isEqualTo(7);
        assertThat(outbox.registry.get("outbox.pending.oldest.age").timeGauge().value(TimeUnit.SECONDS))
                .isEqualTo(600);
    }

    @Test
    void givenNothingPending_whenScraped_thenOldestPendingAgeIsZero() {
        bind(OutboxMetrics.builder(processor::statistics));

        assertThat(outbox.registry.get("outbox.pending.oldest.age").timeGauge().value(TimeUnit.SECONDS)).isZero();
        assertThat(pending()).isZero();
    }

    @Test
    void givenCacheTime_whenScrapedWithinIt_thenStoreReadOnce_andWhenItHasPassed_thenRefreshed() {
        storePending();
        bind(OutboxMetrics.builder(countedStatistics).cacheFor(Duration.ofSeconds(10)));

        scrape();
        scrape();
        assertThat(reads).as("every gauge of two scrapes shares one read").hasValue(1);

        storePending();
        outbox.clock.advance(Duration.ofMillis(9_999));
        assertThat(pending()).as("cached").isEqualTo(1);

        outbox.clock.advance(Duration.ofMillis(1));
        assertThat(pending()).as("refreshed").isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void givenZeroCacheTime_whenReadTwice_thenStoreReadEachTime() {
        bind(OutboxMetrics.builder(countedStatistics).cacheFor(Duration.ZERO));

        pending();
        pending();

        assertThat(reads).hasValue(2);
    }

    @Test
    void givenClockSetBack_whenRead_thenRefreshedRatherThanFrozen() {
        bind(OutboxMetrics.builder(countedStatistics));
        pending();

        outbox.clock.advance(Duration.ofHours(-1));
        storePending();

        assertThat(pending()).isEqualTo(1);
    }

    @Test
    void givenStoreDown_whenScraped_thenGaugesShowNaN_andValuesAgainOnceItAnswersAndTheCacheTimeHasPassed() {
        AtomicBoolean down = new AtomicBoolean(true);
        storePending();
        bind(OutboxMetrics.builder(() -> {
            if (down.get()) {
                throw new StoreUnavailableException("connection refused", null);
            }
            return processor.statistics();
        }));

        assertThat(pending()).isNaN();

        down.set(false);
        assertThat(pending()).as("the failed read is cached too").isNaN();
        outbox.clock.advance(OutboxMetrics.DEFAULT_CACHE_TIME);
        assertThat(pending()).isEqualTo(1);
    }

    @Test
    void givenTags_whenBound_thenEveryGaugeCarriesThem() {
        bind(OutboxMetrics.builder(processor::statistics).tags(Tags.of("app", "fitiq")));

        assertThat(outbox.registry.getMeters()).hasSize(9)
                .allSatisfy(meter -> assertThat(meter.getId().getTag("app")).isEqualTo("fitiq"));
    }

    @Test
    void givenNegativeCacheTime_whenBuilt_thenRefusedNamingTheSetting() {
        OutboxMetrics.Builder builder = OutboxMetrics.builder(processor::statistics).cacheFor(Duration.ofSeconds(-1));

        assertThatThrownBy(builder::build).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("cacheTime");
    }
}
