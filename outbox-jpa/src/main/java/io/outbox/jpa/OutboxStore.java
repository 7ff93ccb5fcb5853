package io.outbox.jpa;

import com.zaxxer.hikari.HikariDataSource;
import io.outbox.StoreUnavailableException;
import io.outbox.jpa.internal.JpaOutboxRepository;
import io.outbox.jpa.internal.Migrations;
import io.outbox.jpa.internal.PersistenceUnit;
import io.outbox.jpa.internal.PgWakeUps;
import io.outbox.jpa.internal.Pools;
import io.outbox.jpa.internal.StoreErrors;
import io.outbox.jpa.internal.Transactions;
import io.outbox.repository.OutboxRepository;
import jakarta.persistence.EntityManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
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

    private final StoreConfig config;
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final EntityManagerFactory factory;
    private final JpaOutboxRepository repository;
    private final UnitOfWork unitOfWork;
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();
    /** Sent with each notification, so this store ignores its own (it has already told its listeners). */
    private final String storeId;
    /** One channel per database schema: stores of other schemas on the same server are not woken. */
    private final String channel;
    private PgWakeUps wakeUps;
    private boolean closed;

    private OutboxStore(StoreConfig config, Dialect dialect, HikariDataSource pool, EntityManagerFactory factory,
                        String storeId) {
        this.config = config;
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
        if (dialect == Dialect.DERBY) {
            keepDerbyLogBesideStore(config.jdbcUrl());
            DerbyCreation.createAtomically(config.jdbcUrl());
        }
        String storeId = java.util.UUID.randomUUID().toString();
        HikariDataSource pool;
        try {
            pool = Pools.open(config, dialect, storeId);
        } catch (RuntimeException e) {
            throw StoreErrors.translate(e, store);
        }
        try {
            Migrations.apply(pool, dialect, config.allMigrations(), store);
            EntityManagerFactory factory = PersistenceUnit.create(pool, dialect, config.entityClasses());
            if (dialect == Dialect.DERBY) {
                OPEN_DERBY.merge(derbyDatabase(config.jdbcUrl()), 1, Integer::sum);
            }
            log.debug("opened outbox store {}", store);
            return new OutboxStore(config, dialect, pool, factory, storeId);
        } catch (RuntimeException e) {
            pool.close();
            throw StoreErrors.translate(e, store);
        }
    }

    public OutboxRepository repository() {
        return repository;
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** True for an embedded store, which only this process can have open. */
    public boolean exclusive() {
        return dialect.embedded();
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
        return () -> commitListeners.remove(listener);
    }

    /** Whether the cross-process wake-up is connected (PostgreSQL only). */
    public synchronized boolean listeningForOtherProcesses() {
        return wakeUps != null && wakeUps.listening();
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

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (wakeUps != null) {
            wakeUps.close();
        }
        factory.close();
        pool.close();
        if (dialect == Dialect.DERBY) {
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
            DriverManager.getConnection(database + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as SQL state 08006
            if (!"08006".equals(expected.getSQLState())) {
                log.warn("shutting down {} reported: {}", database, expected.getMessage());
            }
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
