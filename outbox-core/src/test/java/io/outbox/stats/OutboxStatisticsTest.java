package io.outbox.stats;

import io.outbox.repository.StoreSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxStatisticsTest {
    private static final Instant NOW = Instant.parse("2025-01-31T08:00:00Z");

    private static OutboxStatistics stats(long pending, long completed, long failed, long stale) {
        StoreSnapshot snapshot = new StoreSnapshot(pending, 0, completed, failed, 0, stale,
                pending > 0 ? Optional.of(NOW.minusSeconds(90)) : Optional.empty(),
                Map.of("progress", pending), 0);
        return OutboxStatistics.from(snapshot, Set.of("progress"), NOW);
    }

    @Test
    void givenNothingFinished_whenSuccessRateAsked_thenEmpty() {
        assertThat(stats(3, 0, 0, 0).successRate()).isEmpty();
        assertThat(stats(0, 3, 1, 0).successRate()).hasValue(0.75);
    }

    @Test
    void givenCounts_whenIssuesJudged_thenFailedStaleOrMoreThanTwentyPending() {
        assertThat(stats(20, 5, 0, 0).hasIssues()).isFalse();
        assertThat(stats(21, 5, 0, 0).hasIssues()).isTrue();
        assertThat(stats(0, 5, 1, 0).hasIssues()).isTrue();
        assertThat(stats(1, 5, 0, 1).hasIssues()).isTrue();
    }

    @Test
    void givenPendingEvents_whenSummarised_thenOneLineWithAgeAndVerdict() {
        OutboxStatistics stats = stats(2, 5, 1, 0);

        assertThat(stats.oldestPendingAge()).contains(Duration.ofSeconds(90));
        assertThat(stats.summary()).isEqualTo(
                "8 events: 5 completed, 2 pending, 0 processing, 1 failed; oldest pending 90 s [needs attention]");
    }

    @Test
    void givenTypesWithoutHandler_whenComputed_thenCountedPerType() {
        StoreSnapshot snapshot = new StoreSnapshot(5, 0, 0, 0, 0, 0, Optional.of(NOW),
                Map.of("mood", 2L, "goal", 2L, "chat.message", 1L), 0);

        OutboxStatistics stats = OutboxStatistics.from(snapshot, Set.of("mood"), NOW);

        assertThat(stats.waitingForHandler()).isEqualTo(Map.of("goal", 2L, "chat.message", 1L));
        assertThat(stats.summary()).contains("3 waiting for a handler");
    }

    @Test
    void givenProductionThresholds_whenJudged_thenStaleFailureRateAndBacklogCount() {
        HealthThresholds production = HealthThresholds.production();

        assertThat(OutboxHealth.of(stats(50, 90, 10, 0), production).healthy()).isTrue();
        assertThat(OutboxHealth.of(stats(51, 90, 10, 0), production).reasons())
                .containsExactly("51 events pending, over 50");
        assertThat(OutboxHealth.of(stats(0, 89, 11, 0), production).reasons())
                .containsExactly("failure rate 11.0 % is over 10.0 %");
        assertThat(OutboxHealth.of(stats(1, 0, 0, 1), production).reasons())
                .containsExactly("1 events pending for over 5 min");
    }
}
