package io.outbox.processor;

import io.outbox.OutboxException;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerRegistry;
import io.outbox.repository.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Delivers one claimed batch: runs its handlers while its claims are kept alive, records the
 * outcomes that are still ours, and hands back the events that did not run. Outcomes of events
 * whose claim was lost meanwhile (another worker has them now) are neither written, counted nor
 * told to the listener. Owns the handler pool and the renewal thread: made on first use, closed
 * by {@link #close()}, made again on the next use, so a stopped processor can start again.
 * {@link #deliver} and {@link #close()} are confined to the batch lock's holder;
 * {@link #abandon()} may be called from any thread.
 */
final class BatchDelivery implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchDelivery.class);

    private final OutboxRepository repository;
    private final HandlerRegistry handlers;
    private final ProcessorConfig config;
    private final Clock clock;
    private final String owner;
    private final OutcomeRecorder recorder;
    private final BooleanSupplier stopping;
    private volatile HandlerRunner runner;
    private LeaseRenewer renewer;

    /** {@code stopping} says when handlers not yet started must no longer start (their events go back). */
    BatchDelivery(OutboxRepository repository, HandlerRegistry handlers, ProcessorConfig config, Clock clock,
                  String owner, OutcomeRecorder recorder, BooleanSupplier stopping) {
        this.repository = repository;
        this.handlers = handlers;
        this.config = config;
        this.clock = clock;
        this.owner = owner;
        this.recorder = recorder;
        this.stopping = stopping;
    }

    BatchResult deliver(List<OutboxEvent> claimed) {
        if (runner == null) {
            runner = new HandlerRunner(handlers, config.concurrency(), "outbox-" + owner, stopping);
            renewer = new LeaseRenewer(repository, config.lease(), clock, owner);
        }
        LeaseRenewer.Renewal renewal = renewer.watch(claimed);
        HandlerRunner.Outcome outcome;
        Set<UUID> lost;
        try {
            outcome = runner.run(claimed);
        } finally {
            lost = renewal.finish();
        }
        List<Attempt> ours = outcome.finished().stream().filter(a -> !lost.contains(a.event().id())).toList();
        List<OutboxEvent> unfinished = outcome.unfinished().stream().filter(e -> !lost.contains(e.id())).toList();
        if (!lost.isEmpty()) {
            log.warn("{} of {} events were lost while their handlers ran: their claims ran out and passed to another"
                    + " worker; their outcomes are not recorded", lost.size(), claimed.size());
        }
        BatchResult result = recorder.record(ours, clock.instant());
        int released = releaseUnfinished(unfinished);
        return result.plus(new BatchResult(claimed.size() - ours.size(), 0, 0, 0, released));
    }

    /** Stops waiting for the handlers of the batch under way: interrupts them and hands their events back. */
    void abandon() {
        HandlerRunner current = runner;
        if (current != null) {
            current.abandon();
        }
    }

    private int releaseUnfinished(List<OutboxEvent> unfinished) {
        if (unfinished.isEmpty()) {
            return 0;
        }
        List<UUID> ids = unfinished.stream().map(OutboxEvent::id).toList();
        try {
            return repository.release(ids, owner, clock.instant());
        } catch (OutboxException e) {
            log.warn("could not release {} unfinished events; they come back when their lease ends", ids.size(), e);
            return 0;
        }
    }

    @Override
    public void close() {
        HandlerRunner current = runner;
        runner = null;
        if (current != null) {
            current.close();
            renewer.close();
            renewer = null;
        }
    }
}
