package io.outbox.jpa;

import com.zaxxer.hikari.HikariDataSource;
import io.outbox.StoreUnavailableException;
import io.outbox.jpa.internal.DerbyServer;
import io.outbox.jpa.internal.DerbyWakeUps;
import io.outbox.jpa.internal.JpaOutboxRepository;
import io.outbox.jpa.internal.Migrations;
import io.outbox.jpa.internal.PersistenceUnit;
import io.outbox.jpa.internal.PgWakeUps;
import io.outbox.jpa.internal.Pools;
import io.outbox.jpa.internal.ProcessingLock;
import io.outbox.jpa.internal.SharedDerbySource;
import io.outbox.jpa.internal.StoreCredential;
import io.outbox.jpa.internal.StoreErrors;
import io.outbox.jpa.internal.Transactions;
import io.outbox.repository.OutboxRepository;
import jakarta.persistence.EntityManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An open outbox store: its schema migrated, its repository, and the unit of work that writes
 * entities and events together. Opening fails with a clear {@link io.outbox.OutboxException}
 * when the store is locked, unreachable, of a newer schema or not a supported URL. Owns its
 * pool, its persistence unit and (on PostgreSQL) its LISTEN thread, and closes them.
 * Thread-safe.
 */
public final class OutboxStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxStore.class);
    /** Open stores per embedded database in this JVM: Derby is shut down when the last one closes. */
    private static final ConcurrentHashMap<String, Integer> OPEN_DERBY = new ConcurrentHashMap<>();
    /** How long to wait for a process that has an embedded store booted to serve it. */
    private static final Duration OWNER_PATIENCE = Duration.ofSeconds(5);

    private final StoreConfig config;
    private final Dialect dialect;
    private final HikariDataSource pool;
    /** The shared embedded store's route (SharedStores), else null. */
    private final SharedDerbySource shared;
    private final EntityManagerFactory factory;
    private final JpaOutboxRepository repository;
    private final UnitOfWork unitOfWork;
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();
    /** Sent with each notification, so this store ignores its own (it has already told its listeners). */
    private final String storeId;
    /** One channel per database schema: stores of other schemas on the same server are not woken. */
    private final String channel;
    private PgWakeUps wakeUps;
    private DerbyWakeUps derbyWakeUps;
    private boolean closed;

    private OutboxStore(StoreConfig config, Dialect dialect, HikariDataSource pool, SharedDerbySource shared,
                        EntityManagerFactory factory, String storeId) {
        this.config = config;
        this.shared = shared;
        this.storeId = storeId;
        this.dialect = dialect;
        this.pool = pool;
        this.factory = factory;
        Transactions transactions = new Transactions(factory, config.redactedUrl());
        this.repository = new JpaOutboxRepository(transactions, dialect, this::eventsWritten);
        this.unitOfWork = new UnitOfWork(transactions, repository);
        this.channel = dialect == Dialect.POSTGRESQL ? PgWakeUps.channelOf(pool) : "";
    }

    /** Opens (and creates or upgrades) the store the config names. */
    public static OutboxStore open(StoreConfig config) {
        String store = config.redactedUrl();
        Dialect dialect = Dialect.of(config.jdbcUrl()).orElseThrow(() -> new StoreUnavailableException(
                "no supported JDBC driver accepts '" + store + "'; accepted: jdbc:derby:DIR or "
                        + "jdbc:postgresql://HOST:PORT/DB", null));
        Optional<Path> sharedDatabase = SharedStores.enabled() ? DerbyCreation.onDisk(config.jdbcUrl())
                : Optional.empty();
        SharedDerbySource shared = null;
        if (dialect == Dialect.DERBY) {
            keepDerbyLogBesideStore(config.jdbcUrl());
            if (sharedDatabase.isPresent()) {
                shared = sharedSource(config.jdbcUrl(), sharedDatabase.get());
            } else {
                DerbyCreation.createAtomically(config.jdbcUrl());
            }
        }
        String storeId = java.util.UUID.randomUUID().toString();
        HikariDataSource pool;
        try {
            pool = shared == null ? Pools.open(config, dialect, storeId) : Pools.open(config, shared);
        } catch (RuntimeException e) {
            releaseShared(shared);
            throw StoreErrors.translate(e, store);
        }
        try {
            Migrations.apply(pool, dialect, config.allMigrations(), store);
            EntityManagerFactory factory = PersistenceUnit.create(pool, dialect, config.entityClasses());
            if (dialect == Dialect.DERBY && shared == null) {
                OPEN_DERBY.merge(derbyDatabase(config.jdbcUrl()), 1, Integer::sum);
            }
            log.debug("opened outbox store {}{}", store, shared == null ? "" : shared.owner()
                    ? " (this process serves it)" : " (through the process that serves it)");
            return new OutboxStore(config, dialect, pool, shared, factory, storeId);
        } catch (RuntimeException e) {
            pool.close();
            releaseShared(shared);
            throw StoreErrors.translate(e, store);
        }
    }

    /**
     * The route to a shared embedded store: its credential (made with the store), the store
     * created whole when new, and the process that serves it found, or this one made its owner.
     */
    private static SharedDerbySource sharedSource(String url, Path database) {
        DerbyCreation.makeFolder(database);
        StoreCredential credential = StoreCredential.loadOrCreate(database);
        DerbyServer.allow(credential);
        DerbyCreation.createAtomically(url, credential.user(), credential.password());
        try {
            return SharedDerbySource.acquire(database, credential, OWNER_PATIENCE);
        } catch (RuntimeException e) {
            throw StoreErrors.translate(e, url);
        }
    }

    private static void releaseShared(SharedDerbySource shared) {
        if (shared != null) {
            shared.release();
        }
    }

    /** The outbox repository on this store, for an {@code OutboxProcessor} and the outbox tools. */
    public OutboxRepository repository() {
        return repository;
    }

    /** Writes entities and their events in one transaction. */
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** Which database the store is on. */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * True for an embedded store, which has one processor at a time: the holder of
     * {@link #lockProcessing}. Events it finds processing at its start were left by a processor
     * that is gone.
     */
    public boolean exclusive() {
        return dialect.embedded();
    }

    /**
     * On an embedded store on disk, makes this process its one processor until closed, or fails
     * at once with a {@link io.outbox.StoreLockedException} naming the process that is; {@code what}
     * names the processor in that message ("a sync"). Stores shared through a server (PostgreSQL)
     * share the work through claims instead, and in-memory stores are this JVM's alone: for them
     * it holds nothing.
     */
    public Held lockProcessing(String what) {
        if (dialect != Dialect.DERBY) {
            return () -> { };
        }
        Optional<Path> database = shared != null ? Optional.of(shared.database())
                : DerbyCreation.onDisk(config.jdbcUrl());
        return database.<Held>map(d -> ProcessingLock.take(d, what)::close).orElse(() -> { });
    }

    /** Something held until closed; closing does not fail. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** The pool, for tools that need plain JDBC on the same store (benchmark baselines, migration). */
    public DataSource dataSource() {
        return pool;
    }

    /** The store's URL without secrets. */
    public String description() {
        return config.redactedUrl();
    }

    /**
     * Calls {@code listener} after each commit that wrote outbox events, in this process and,
     * on PostgreSQL, in any other process sharing the store.
     */
    public synchronized AutoCloseable onEventsCommitted(Runnable listener) {
        commitListeners.add(listener);
        if (dialect == Dialect.POSTGRESQL && wakeUps == null) {
            Properties credentials = new Properties();
            config.user().ifPresent(u -> credentials.setProperty("user", u));
            config.password().ifPresent(p -> credentials.setProperty("password", p));
            wakeUps = new PgWakeUps(config.jdbcUrl(), credentials, channel, storeId, this::notifyListeners);
        }
        if (shared != null && derbyWakeUps == null) {
            derbyWakeUps = new DerbyWakeUps(shared, this::notifyListeners);
        }
        return () -> commitListeners.remove(listener);
    }

    /** Whether the cross-process wake-up is connected (PostgreSQL, and shared embedded stores). */
    public synchronized boolean listeningForOtherProcesses() {
        return wakeUps != null && wakeUps.listening() || derbyWakeUps != null && derbyWakeUps.listening();
    }

    /**
     * Declares that this process copes with losing its connections when the process that serves
     * the shared embedded store ends (it works on through the next owner, as a watching sync
     * does), so that process need not wait for this one before it goes. Other clients keep the
     * owner until they close. No effect on other stores.
     */
    public void letOwnerLeave() {
        if (shared != null) {
            shared.letOwnerLeave();
        }
    }

    /**
     * Listeners in this process run after the commit. Other processes on PostgreSQL are told by
     * the server: the insert trigger of outbox migration V3 sends the NOTIFY within the writing
     * statement, so no writer pays a round trip for it.
     */
    private void eventsWritten(Transactions.Tx tx) {
        if (tx.firstTime("events-written")) {
            tx.afterCommit(this::notifyListeners);
        }
    }

    private void notifyListeners() {
        commitListeners.forEach(Runnable::run);
    }

    /**
     * Closes the pool and the persistence unit; an embedded store is shut down once its last
     * opener in this JVM closes it, so another process may open it. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (wakeUps != null) {
            wakeUps.close();
        }
        if (derbyWakeUps != null) {
            derbyWakeUps.close();
        }
        factory.close();
        pool.close();
        releaseShared(shared);
        if (shared == null && dialect == Dialect.DERBY) {
            String database = derbyDatabase(config.jdbcUrl());
            if (OPEN_DERBY.merge(database, -1, Integer::sum) <= 0) {
                OPEN_DERBY.remove(database);
                shutDownDerby(database);
            }
        }
    }

    private static String derbyDatabase(String url) {
        int attributes = url.indexOf(';');
        return attributes < 0 ? url : url.substring(0, attributes);
    }

    /** Releases the embedded database's lock so another process may open it. */
    private static void shutDownDerby(String database) {
        try {
            DerbyCreation.shutDown(database, null, null);
        } catch (SQLException e) {
            log.warn("shutting down {} reported: {}", database, e.getMessage());
        }
    }

    /** Derby writes derby.log into the working directory unless told otherwise. */
    private static void keepDerbyLogBesideStore(String url) {
        String path = derbyDatabase(url).substring("jdbc:derby:".length());
        if (System.getProperty("derby.stream.error.file") == null && !path.startsWith("memory:")) {
            Path parent = Path.of(path).toAbsolutePath().getParent();
            if (parent != null) {
                parent.toFile().mkdirs();
                System.setProperty("derby.stream.error.file", parent.resolve("derby.log").toString());
            }
        }
    }
}
