package io.outbox.processor;

import io.outbox.InvalidConfigurationException;
import io.outbox.event.EventStatus;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import io.outbox.handler.HandlerResult;
import io.outbox.testing.InMemoryOutboxRepository;
import io.outbox.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batch grows while a backlog lasts, within its time budget, and falls back to the configured size. */
class AdaptiveBatchTest {
    private static final String TYPE = "test.entity";
    private final InMemoryOutboxRepository repository = new InMemoryOutboxRepository();
    private final ManualClock clock = ManualClock.at("2025-01-31T08:00:00Z");

    /** A processor whose handler makes each event take {@code perEvent} of the manual clock. */
    private OutboxProcessor processor(Duration perEvent, ProcessorConfig.Builder config) {
        ScriptedHandler handler = new ScriptedHandler(TYPE, e -> {
            clock.advance(perEvent);
            return HandlerResult.done();
        });
        return OutboxProcessor.builder(repository).handler(handler).clock(clock).sleeper(clock.sleeper())
                .owner("test-worker").config(config.concurrency(1).build()).build();
    }

    private void backlog(int events) {
        for (int i = 0; i < events; i++) {
            repository.save(anEvent().withType(TYPE).withPriority(Priority.BACKGROUND).createdAt(clock.instant()).build());
        }
    }

    private List<Integer> batchSizes(OutboxProcessor processor, int batches) {
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            sizes.add(processor.processOnce().claimed());
        }
        return sizes;
    }

    @Test
    void givenDeepBacklogOfQuickEvents_whenDrained_thenEachFullBatchDoublesTheNext_upToTheCeiling() {
        backlog(2_000);
        try (OutboxProcessor processor = processor(Duration.ZERO, ProcessorConfig.builder().batchSize(10))) {
            assertThat(batchSizes(processor, 8)).containsExactly(10, 20, 40, 80, 160, 320, 500, 500);
        }
    }

    @Test
    void givenBacklogDrained_whenTheClaimFindsLess_thenTheNextBatchIsTheConfiguredSizeAgain() {
        backlog(35);
        try (OutboxProcessor processor = processor(Duration.ZERO, ProcessorConfig.builder().batchSize(10))) {
            assertThat(batchSizes(processor, 3)).containsExactly(10, 20, 5);
            backlog(100);
            assertThat(batchSizes(processor, 2)).containsExactly(10, 20);
        }
    }

    @Test
    void givenSlowEvents_whenABatchOutrunsItsBudget_thenItStopsGrowing_andOneTwiceOverHalves() {
        backlog(1_000);
        // 10 ms an event: 10 events take 100 ms (grow), 20 take 200 ms (grow), 40 take 400 ms
        // (within twice the 250 ms budget: stay), and so on
        try (OutboxProcessor within = processor(Duration.ofMillis(10), ProcessorConfig.builder().batchSize(10))) {
            assertThat(batchSizes(within, 5)).containsExactly(10, 20, 40, 40, 40);
        }
        // 30 ms an event: 10 take 300 ms (over budget: stay)
        try (OutboxProcessor slow = processor(Duration.ofMillis(30), ProcessorConfig.builder().batchSize(10))) {
            assertThat(batchSizes(slow, 3)).containsExactly(10, 10, 10);
        }
        // 60 ms an event: 10 take 600 ms (twice over: halve), but never below the configured size
        try (OutboxProcessor slower = processor(Duration.ofMillis(60),
                ProcessorConfig.builder().batchSize(10).maxBatchSize(100))) {
            assertThat(batchSizes(slower, 2)).containsExactly(10, 10);
        }
    }

    @Test
    void givenMaxBatchSizeOfTheBatchSize_whenABacklogDrains_thenEveryBatchKeepsThatSize() {
        backlog(100);
        try (OutboxProcessor processor = processor(Duration.ZERO,
                ProcessorConfig.builder().batchSize(10).maxBatchSize(10))) {
            assertThat(batchSizes(processor, 4)).containsExactly(10, 10, 10, 10);
        }
    }

    @Test
    void givenDefaults_thenTheCeilingIsFiftyBatchesAtMostAThousand_andAChosenOneIsChecked() {
        assertThat(ProcessorConfig.defaults().maxBatchSize()).isEqualTo(500);
        assertThat(ProcessorConfig.builder().batchSize(100).build().maxBatchSize()).isEqualTo(1_000);
        assertThat(ProcessorConfig.builder().batchSize(2_000).build().maxBatchSize()).isEqualTo(2_000);
        assertThat(ProcessorConfig.defaults().toBuilder().batchSize(50).build().maxBatchSize()).isEqualTo(1_000);
        assertThat(ProcessorConfig.builder().maxBatchSize(64).build().toBuilder().build().maxBatchSize()).isEqualTo(64);
        assertThatThrownBy(() -> ProcessorConfig.builder().batchSize(10).maxBatchSize(5).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("maxBatchSize must be in [10, 10000], was 5");
    }

    @Test
    void givenGrowingBatches_whenUserChangesArrive_thenTheyAreClaimedFirstInTheNextBatch() {
        backlog(1_000);
        try (OutboxProcessor processor = processor(Duration.ZERO, ProcessorConfig.builder().batchSize(10))) {
            batchSizes(processor, 3);
            OutboxEvent user = anEvent().withType(TYPE).withPriority(Priority.USER_ACTION).createdAt(clock.instant())
                    .build();
            repository.save(user);

            processor.processOnce();

            assertThat(repository.findById(user.id()).orElseThrow().status()).isEqualTo(EventStatus.COMPLETED);
        }
    }
}
