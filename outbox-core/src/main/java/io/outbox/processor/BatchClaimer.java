package io.outbox.processor;

import io.outbox.event.OutboxEvent;
import io.outbox.repository.ClaimOrder;
import io.outbox.repository.ClaimRequest;
import io.outbox.repository.OutboxRepository;
import io.outbox.repository.Scope;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims a batch so that priority is honoured and background work is never starved: most
 * of each batch goes to the highest priority, a reserved share to the oldest events whatever
 * their priority. When the share rounds to nothing (small batches), every n-th batch is
 * claimed oldest-first instead. While a backlog lasts the batch grows from the configured size
 * up to {@link ProcessorConfig#maxBatchSize()}: each full batch that took at most
 * {@link ProcessorConfig#BATCH_TIME_BUDGET} doubles the next, one that took twice that halves
 * it, and a claim that finds less than it asked for falls back to the configured size, so a
 * lone change is claimed as before. Confined to the batch lock's holder.
 */
final class BatchClaimer {
    private final OutboxRepository repository;
    private final ProcessorConfig config;
    private final Scope scope;
    private final String owner;
    private final int oldestEvery;
    private long batches;
    private int size;
    private int requested;

    BatchClaimer(OutboxRepository repository, ProcessorConfig config, Scope scope, String owner) {
        this.repository = repository;
        this.config = config;
        this.scope = scope;
        this.owner = owner;
        this.oldestEvery = reserved(config.batchSize()) == 0 && config.lowPriorityShare() > 0
                ? (int) Math.round(1 / config.lowPriorityShare()) : 0;
        this.size = config.batchSize();
    }

    /** Sizes the next claim after a batch of {@code claimed} events that took {@code took} from claim to record. */
    void finished(int claimed, Duration took) {
        Duration budget = ProcessorConfig.BATCH_TIME_BUDGET;
        if (claimed < requested) {
            size = config.batchSize(); // the backlog is gone: a lone change is claimed as before
        } else if (took.compareTo(budget) <= 0) {
            size = Math.min(size * 2, config.maxBatchSize());
        } else if (took.compareTo(budget.multipliedBy(2)) > 0) {
            size = Math.max(size / 2, config.batchSize());
        }
    }

    private int reserved(int batch) {
        return (int) Math.floor(batch * config.lowPriorityShare());
    }

    List<OutboxEvent> claim(Instant now) {
        batches++;
        Instant leaseEnd = now.plus(config.lease());
        requested = size;
        int reserved = reserved(size);
        if (reserved == 0 && oldestEvery > 0 && batches % oldestEvery == 0) {
            return repository.claim(request(size, now, leaseEnd, ClaimOrder.OLDEST_FIRST));
        }
        List<OutboxEvent> first = repository.claim(request(size - reserved, now, leaseEnd, ClaimOrder.PRIORITY_FIRST));
        if (reserved == 0 || first.size() < size - reserved) {
            return first; // nothing else is due: no share to reserve
        }
        List<OutboxEvent> all = new ArrayList<>(first);
        all.addAll(repository.claim(request(reserved, now, leaseEnd, ClaimOrder.OLDEST_FIRST)));
        return all;
    }

    private ClaimRequest request(int limit, Instant now, Instant leaseEnd, ClaimOrder order) {
        return new ClaimRequest(owner, limit, now, leaseEnd, scope, order);
    }
}
