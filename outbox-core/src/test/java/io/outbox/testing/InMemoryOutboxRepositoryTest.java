package io.outbox.testing;

import io.outbox.repository.OutboxRepository;
import io.outbox.repository.OutboxRepositoryContract;

/** The in-memory repository honours the same contract as the stores. */
class InMemoryOutboxRepositoryTest extends OutboxRepositoryContract {
    @Override
    protected OutboxRepository createRepository() {
        return new InMemoryOutboxRepository();
    }
}
