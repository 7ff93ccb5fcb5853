package io.outbox.jpa;

import io.outbox.event.OutboxEvent;
import io.outbox.jpa.support.PostgresSchema;
import io.outbox.repository.OutboxRepository;
import io.outbox.repository.OutboxRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The core's repository contract, on the real PostgreSQL server, in a schema of its own. */
class PostgresOutboxRepositoryIT extends OutboxRepositoryContract {
    private static PostgresSchema schema;
    private static OutboxStore store;

    @BeforeAll
    static void openStore() {
        schema = PostgresSchema.create("outbox_contract");
        store = OutboxStore.open(StoreConfig.url(schema.url()).withPoolSize(10));
    }

    @AfterAll
    static void closeStore() {
        if (store != null) {
            store.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Override
    protected OutboxRepository createRepository() {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM outbox_event");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return store.repository();
    }

    @Override
    protected void given(List<OutboxEvent> events) {
        store.unitOfWork().write(work -> events.forEach(work::record));
    }
}
