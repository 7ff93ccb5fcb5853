package io.outbox.testing;

import io.outbox.event.OutboxEvent;
import io.outbox.repository.OutboxRepository;
import io.outbox.repository.OutboxRepositoryContract;

import java.util.List;

/** The in-memory repository honours the same contract as the stores. */
class InMemoryOutboxRepositoryTest extends OutboxRepositoryContract {
    @Override
    protected OutboxRepository createRepository() {
        return new InMemoryOutboxRepository();
    }

    @Override
    protected void given(List<OutboxEvent> events) {
        ((InMemoryOutboxRepository) repository).saveAll(events);
    }
}
