package io.outbox.processor;

import io.outbox.event.OutboxEvent;
import io.outbox.repository.ClaimOrder;
import io.outbox.repository.ClaimRequest;
import io.outbox.repository.OutboxRepository;
import io.outbox.repository.Scope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims a batch so that priority is honoured and background work is never starved: most
 * of each batch goes to the highest priority, a reserved share to the oldest events whatever
 * their priority. When the share rounds to nothing (small batches), every n-th batch is
 * claimed oldest-first instead. Confined to the batch lock's holder.
 */
final class BatchClaimer {
    private final OutboxRepository repository;
    private final ProcessorConfig config;
    private final Scope scope;
    private final String owner;
    private final int reserved;
    private final int oldestEvery;
    private long batches;

    BatchClaimer(OutboxRepository repository, ProcessorConfig config, Scope scope, String owner) {
        this.repository = repository;
        this.config = config;
        this.scope = scope;
        this.owner = owner;
        this.reserved = (int) Math.floor(config.batchSize() * config.lowPriorityShare());
        this.oldestEvery = reserved == 0 && config.lowPriorityShare() > 0
                ? (int) Math.round(1 / config.lowPriorityShare()) : 0;
    }

    List<OutboxEvent> claim(Instant now) {
        batches++;
        Instant leaseEnd = now.plus(config.lease());
        int size = config.batchSize();
        if (oldestEvery > 0 && batches % oldestEvery == 0) {
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
