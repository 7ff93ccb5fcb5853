package io.outbox.jpa;

import com.zaxxer.hikari.HikariDataSource;
import io.outbox.StoreUnavailableException;
import io.outbox.jpa.internal.DerbyWakeUps;
import io.outbox.jpa.internal.JpaOutboxRepository;
import io.outbox.jpa.internal.Migrations;
import io.outbox.jpa.internal.PersistenceUnit;
import io.outbox.jpa.internal.PgWakeUps;
import io.outbox.jpa.internal.Pools;
import io.outbox.jpa.internal.ProcessingLock;
import io.outbox.jpa.internal.SharedDerbySource;
import io.outbox.jpa.internal.StoreErrors;
import io.outbox.jpa.internal.Transactions;
import io.outbox.repository.OutboxRepository;
import jakarta.persistence.EntityManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An open outbox store: its schema migrated, its repository, and the unit of work that writes
 * entities and events together. Opening fails with a clear {@link io.outbox.OutboxException}
 * when the store is locked, unreachable, of a newer schema or not a supported URL. Owns its
 * pool (unless it is on a caller's DataSource, {@link StoreConfig#dataSource}), its persistence
 * unit and its wake-up thread, and closes them. Thread-safe.
 */
public final class OutboxStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxStore.class);

    private final StoreConfig config;
    private final Dialect dialect;
    /** The URL the store's connections are made with (its DataSource's, on a caller's DataSource). */
    private final String url;
    private final String description;
    /** The store's own pool, or the caller's DataSource. */
    private final DataSource dataSource;
    /** Whether {@link #dataSource} is the store's own pool, which it closes, or the caller's, which it leaves open. */
    private final boolean ownPool;
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

    /** Where an opened store works: its dialect, URL and description, and its connections. */
    private record Site(Dialect dialect, String url, String description, DataSource dataSource, boolean ownPool,
                        SharedDerbySource shared) {
    }

    private OutboxStore(StoreConfig config, Site site, EntityManagerFactory factory, String storeId) {
        this.config = config;
        this.dialect = site.dialect();
        this.url = site.url();
        this.description = site.description();
        this.dataSource = site.dataSource();
        this.ownPool = site.ownPool();
        this.shared = site.shared();
        this.storeId = storeId;
        this.factory = factory;
        Transactions transactions = new Transactions(factory, description);
        this.repository = new JpaOutboxRepository(transactions, dialect, this::eventsWritten);
        this.unitOfWork = new UnitOfWork(transactions, repository);
        this.channel = dialect == Dialect.POSTGRESQL ? PgWakeUps.channelOf(dataSource) : "";
    }

    /**
     * Opens (and creates or upgrades) the store the config names. On a caller's DataSource
     * ({@link StoreConfig#dataSource}) it only migrates the schema and builds the persistence
     * unit there: the database must exist, and the caller keeps it.
     */
    public static OutboxStore open(StoreConfig config) {
        return config.dataSource().isPresent() ? openOnCallersDataSource(config, config.dataSource().get())
                : openWithOwnPool(config);
    }

    private static OutboxStore openWithOwnPool(StoreConfig config) {
        String store = config.redactedUrl();
        Dialect dialect = Dialect.of(config.jdbcUrl()).orElseThrow(() -> new StoreUnavailableException(
                "no supported JDBC driver accepts '" + store + "'; accepted: jdbc:derby:DIR or "
                        + "jdbc:postgresql://HOST:PORT/DB", null));
        Optional<Path> sharedDatabase = SharedStores.enabled() ? DerbyCreation.onDisk(config.jdbcUrl())
                : Optional.empty();
        SharedDerbySource shared = null;
        if (dialect == Dialect.DERBY) {
            EmbeddedDerby.keepLogBesideStore(config.jdbcUrl());
            if (sharedDatabase.isPresent()) {
                shared = EmbeddedDerby.sharedSource(config.jdbcUrl(), sharedDatabase.get());
            } else {
                DerbyCreation.createAtomically(config.jdbcUrl());
            }
        }
        String storeId = UUID.randomUUID().toString();
        HikariDataSource pool;
        try {
            pool = shared == null ? Pools.open(config, dialect, storeId) : Pools.open(config, shared);
        } catch (RuntimeException e) {
            EmbeddedDerby.release(shared);
            throw StoreErrors.translate(e, store);
        }
        try {
            Migrations.apply(pool, dialect, config.allMigrations(), store);
            EntityManagerFactory factory = PersistenceUnit.create(pool, dialect, config.entityClasses());
            if (dialect == Dialect.DERBY && shared == null) {
                EmbeddedDerby.opened(config.jdbcUrl());
            }
            log.debug("opened outbox store {}{}", store, shared == null ? "" : shared.owner()
                    ? " (this process serves it)" : " (through the process that serves it)");
            return new OutboxStore(config, new Site(dialect, config.jdbcUrl(), store, pool, true, shared), factory,
                    storeId);
        } catch (RuntimeException e) {
            pool.close();
            EmbeddedDerby.release(shared);
            throw StoreErrors.translate(e, store);
        }
    }

    /**
     * No pool, no Derby creation, sharing or shutdown: the caller owns the DataSource and the
     * database's life. The store id is set on no connection of the caller's, so on PostgreSQL
     * this store is also woken by its own commits (see {@link #onEventsCommitted}).
     */
    private static OutboxStore openOnCallersDataSource(StoreConfig config, DataSource dataSource) {
        String url;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        } catch (SQLException | RuntimeException e) {
            throw StoreErrors.translate(e, "on the caller's DataSource (" + dataSource.getClass().getSimpleName() + ")");
        }
        Dialect dialect = Dialect.supported(url, "the caller's DataSource");
        String store = StoreConfig.redact(url);
        EntityManagerFactory factory = null;
        try {
            Migrations.apply(dataSource, dialect, config.allMigrations(), store);
            factory = PersistenceUnit.create(dataSource, dialect, config.entityClasses());
            log.debug("opened outbox store {} on the caller's DataSource", store);
            return new OutboxStore(config, new Site(dialect, url, store, dataSource, false, null), factory,
                    UUID.randomUUID().toString());
        } catch (RuntimeException e) {
            if (factory != null) {
                factory.close();
            }
            throw StoreErrors.translate(e, store);
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
     * that is gone. False for a {@code jdbc:derby://} URL, whether this store's pool or the
     * caller's DataSource uses it: behind Derby's network server other processes may be working
     * on the same database, and no lock file here could tell.
     */
    public boolean exclusive() {
        return dialect.embedded() && !url.regionMatches(true, 0, "jdbc:derby://", 0, 13);
    }

    /**
     * On an embedded store on disk, makes this process its one processor until closed, or fails
     * at once with a {@link io.outbox.StoreLockedException} naming the process that is; {@code what}
     * names the processor in that message ("a sync"). Stores shared through a server (PostgreSQL)
     * share the work through claims instead, and in-memory stores are this JVM's alone: for them
     * it holds nothing. On a caller's DataSource it is the same lock, beside the database the
     * DataSource's URL names, so one processor at a time runs there however its store was opened.
     */
    public Held lockProcessing(String what) {
        if (dialect != Dialect.DERBY) {
            return () -> { };
        }
        Optional<Path> database = shared != null ? Optional.of(shared.database()) : DerbyCreation.onDisk(url);
        return database.<Held>map(d -> ProcessingLock.take(d, what)::close).orElse(() -> { });
    }

    /** Something held until closed; closing does not fail. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The pool (or the caller's DataSource), for tools that need plain JDBC on the same store
     * (benchmark baselines, migration).
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The store's URL without secrets. */
    public String description() {
        return description;
    }

    /**
     * Calls {@code listener} after each commit that wrote outbox events, in this process and,
     * on PostgreSQL, in any other process sharing the store. Events written with plain SQL or
     * {@link OutboxWriter} wake it through the insert trigger of outbox migration V3: on
     * PostgreSQL always, on Derby when the store is shared ({@link SharedStores}) or on a
     * caller's DataSource.
     *
     * <p>On a caller's DataSource the first call borrows one of its connections for as long as
     * the store is open, to wait on. The store cannot mark the caller's connections as its own,
     * so it is also woken by its own commits: its listeners then run twice for them, which costs
     * a processor one more look for due events, and nothing else.
     */
    public synchronized AutoCloseable onEventsCommitted(Runnable listener) {
        commitListeners.add(listener);
        if (dialect == Dialect.POSTGRESQL && wakeUps == null) {
            wakeUps = ownPool ? new PgWakeUps(config.jdbcUrl(), credentials(), channel, storeId, this::notifyListeners)
                    : new PgWakeUps(dataSource::getConnection, channel, storeId, this::notifyListeners);
        }
        if (dialect == Dialect.DERBY && derbyWakeUps == null && (shared != null || !ownPool)) {
            derbyWakeUps = new DerbyWakeUps(shared != null ? shared : dataSource, this::notifyListeners);
        }
        return () -> commitListeners.remove(listener);
    }

    private Properties credentials() {
        Properties credentials = new Properties();
        config.user().ifPresent(u -> credentials.setProperty("user", u));
        config.password().ifPresent(p -> credentials.setProperty("password", p));
        return credentials;
    }

    /**
     * Whether the wake-up by the insert trigger is connected (PostgreSQL, shared embedded stores,
     * and Derby on a caller's DataSource).
     */
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
     * opener in this JVM closes it, so another process may open it. A caller's DataSource is
     * left open, and its database as it was. Idempotent.
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
        if (!ownPool) {
            return; // the caller's DataSource and database: the caller closes them
        }
        ((HikariDataSource) dataSource).close();
        EmbeddedDerby.release(shared);
        if (shared == null && dialect == Dialect.DERBY) {
            EmbeddedDerby.closed(config.jdbcUrl());
        }
    }
}
