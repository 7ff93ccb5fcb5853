package io.outbox.jpa.support;

import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreConfig;
import io.outbox.jpa.support.cli.Say;
import io.outbox.repository.EventQuery;

import java.time.Instant;

import static io.outbox.testing.OutboxEventBuilder.anEvent;

/** A second process for tests: opens the store at the URL args[0], records an event, reads it back and says "ok N". */
public final class UseStore {
    private UseStore() {
    }

    public static void main(String[] args) {
        try (OutboxStore store = OutboxStore.open(StoreConfig.url(args[0]))) {
            store.unitOfWork().write(work -> work.record(anEvent().createdAt(Instant.parse("2026-01-01T00:00:00Z"))
                    .build()));
            Say.line("ok " + store.repository().find(EventQuery.all()).size());
        }
    }
}
