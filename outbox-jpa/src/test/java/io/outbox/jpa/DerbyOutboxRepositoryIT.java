package io.outbox.jpa;

import io.outbox.event.OutboxEvent;
import io.outbox.repository.OutboxRepository;
import io.outbox.repository.OutboxRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The core's repository contract, on a real embedded Derby store on disk. */
class DerbyOutboxRepositoryIT extends OutboxRepositoryContract {
    private static Path dir;
    private static OutboxStore store;

    @BeforeAll
    static void openStore() throws Exception {
        dir = Files.createTempDirectory("outbox-derby-it");
        store = OutboxStore.open(StoreConfig.embedded(dir));
    }

    @AfterAll
    static void closeStore() {
        store.close();
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

    @Override
    protected int raceEvents() {
        return 2_000; // Derby's claimers contend on row locks; 2,000 events still race 8 threads hard
    }
}
