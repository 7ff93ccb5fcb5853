package io.outbox.example.notes;

import com.zaxxer.hikari.HikariDataSource;
import io.outbox.jpa.MigrationSet;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreConfig;
import io.outbox.processor.OutboxProcessor;
import io.outbox.processor.ProcessorConfig;
import io.outbox.processor.Sleeper;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import org.eclipse.persistence.jpa.PersistenceProvider;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * The notes service wired from the library alone: its own pool and persistence unit, the outbox
 * store on that pool, and the processor that pushes notes. Closes what it opened. Thread-safe.
 */
public final class NotesApp implements AutoCloseable {
    /** The service's own schema, migrated after the outbox's when the store opens. */
    static final MigrationSet SCHEMA = MigrationSet.named("notes");

    private final HikariDataSource dataSource;
    private final OutboxStore store;
    private final EntityManagerFactory persistence;
    private final NotesService notes;
    private final OutboxProcessor processor;
    private OutboxStore.Held processing = () -> { };
    private AutoCloseable wakeUps = () -> { };

    /** {@code sleeper} is how {@code drainUntilIdle} waits; {@code pollInterval} how often an idle processor looks. */
    public NotesApp(String jdbcUrl, NoteHandler.Recipient recipient, Clock clock, Sleeper sleeper,
                    Duration pollInterval) {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl);
        try {
            store = OutboxStore.open(StoreConfig.dataSource(dataSource).withMigrations(SCHEMA));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        persistence = new PersistenceConfiguration("notes")
                .provider(PersistenceProvider.class.getName())
                .managedClass(Note.class)
                .property("jakarta.persistence.nonJtaDataSource", dataSource)
                .property("eclipselink.logging.level", "WARNING")
                .createEntityManagerFactory();
        notes = new NotesService(persistence, clock);
        processor = OutboxProcessor.builder(store.repository())
                .handler(new NoteHandler(notes, recipient))
                .config(ProcessorConfig.builder().pollInterval(pollInterval).build())
                .exclusiveStore(store.exclusive())
                .clock(clock)
                .sleeper(sleeper)
                .build();
    }

    /** Pushes in the background from now on, woken by each commit that writes events, whoever makes it. */
    public synchronized void start() {
        processing = store.lockProcessing("the notes processor");
        wakeUps = store.onEventsCommitted(processor::trigger);
        processor.start();
    }

    public NotesService notes() {
        return notes;
    }

    public OutboxProcessor processor() {
        return processor;
    }

    public OutboxStore store() {
        return store;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public synchronized void close() throws Exception {
        processor.close();
        wakeUps.close();
        processing.close();
        store.close();
        persistence.close();
        dataSource.close();
    }
}
