package io.outbox.processor;

import io.outbox.event.EventStatus;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.Delivered;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;
import io.outbox.sync.Transactor;
import io.outbox.testing.InMemoryOutboxRepository;
import io.outbox.testing.ManualClock;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a handler keeps of its deliveries (a backend id) is written once per batch, in the
 * transaction that completes the batch's events, so a batch costs one commit and a kept id
 * exists exactly when its event is completed.
 */
class KeepDeliveredTest {
    private static final String TYPE = "test.entity";
    private final ManualClock clock = ManualClock.at("2025-01-31T08:00:00Z");
    private final Journal journal = new Journal();
    private final InMemoryOutboxRepository store = new InMemoryOutboxRepository();
    private final AtomicBoolean inTransaction = new AtomicBoolean();
    private final List<List<Delivered>> kept = new CopyOnWriteArrayList<>();
    private final List<Boolean> keptInTransaction = new CopyOnWriteArrayList<>();

    /** A transactor that notes where its transaction begins and ends among the store's calls. */
    private final Transactor transactor = work -> {
        journal.noteText("begin");
        inTransaction.set(true);
        try {
            work.accept(event -> { });
        } finally {
            inTransaction.set(false);
            journal.noteText("commit");
        }
    };

    /** Delivers "ok-*" entities with their backend id, fails "bad-*" ones, and notes what it is asked to keep. */
    private final OutboxHandler handler = new OutboxHandler() {
        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public HandlerResult handle(OutboxEvent event) {
            return event.entityId().startsWith("ok") ? HandlerResult.done("b-" + event.entityId())
                    : HandlerResult.failedForGood("refused");
        }

        @Override
        public void keepDelivered(List<Delivered> delivered) {
            keptInTransaction.add(inTransaction.get());
            journal.noteText("kept " + delivered.size());
            kept.add(delivered);
        }
    };

    private OutboxEvent stored(String entity) {
        OutboxEvent event = anEvent().withType(TYPE).forEntity(entity).createdAt(clock.instant().minusSeconds(1))
                .build();
        store.save(event);
        return event;
    }

    private OutboxProcessor processor(Optional<Transactor> withTransactor) {
        OutboxProcessorBuilder builder = OutboxProcessor.builder(journal.wrap(store)).handler(handler).clock(clock)
                .sleeper(clock.sleeper()).config(ProcessorConfig.builder().batchSize(10).build());
        withTransactor.ifPresent(builder::transactor);
        return builder.build();
    }

    @Test
    void givenABatchOfDeliveriesAndAFailure_whenRecorded_thenTheDeliveriesAreKeptOnceInsideTheCompletionsTransaction() {
        OutboxEvent first = stored("ok-1");
        OutboxEvent second = stored("ok-2");
        OutboxEvent refused = stored("bad-1");

        try (OutboxProcessor processor = processor(Optional.of(transactor))) {
            assertThat(processor.processOnce().delivered()).isEqualTo(2);
        }

        assertThat(kept).singleElement().satisfies(batch -> assertThat(batch)
                .extracting(d -> d.event().id(), Delivered::data)
                .containsExactlyInAnyOrder(Tuple.tuple(first.id(), Optional.of("b-ok-1")),
                        Tuple.tuple(second.id(), Optional.of("b-ok-2"))));
        assertThat(keptInTransaction).containsExactly(true);
        List<String> order = journal.entries();
        int begin = order.indexOf("begin");
        int commit = order.indexOf("commit");
        assertThat(order.indexOf("kept 2")).isBetween(begin, commit);
        assertThat(journal.indexOf("completed", first.id())).isBetween(order.indexOf("kept 2"), commit);
        assertThat(journal.indexOf("completed", second.id())).isBetween(begin, commit);
        assertThat(store.findById(refused.id()).orElseThrow().isFailedForGood()).isTrue();
    }

    @Test
    void givenNoTransactor_whenRecorded_thenTheDeliveriesAreKeptJustBeforeTheirCompletions() {
        OutboxEvent event = stored("ok-1");

        try (OutboxProcessor processor = processor(Optional.empty())) {
            processor.processOnce();
        }

        assertThat(keptInTransaction).containsExactly(false);
        assertThat(journal.indexOfText("kept 1")).isLessThan(journal.indexOf("completed", event.id()));
        assertThat(store.findById(event.id()).orElseThrow().status()).isEqualTo(EventStatus.COMPLETED);
    }

    @Test
    void givenOnlyFailures_whenRecorded_thenNothingIsKeptAndNoTransactionIsOpened() {
        stored("bad-1");

        try (OutboxProcessor processor = processor(Optional.of(transactor))) {
            processor.processOnce();
        }

        assertThat(kept).isEmpty();
        assertThat(journal.indexOfText("begin")).isNegative();
    }
}
