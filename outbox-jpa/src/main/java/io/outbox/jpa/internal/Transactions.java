package io.outbox.jpa.internal;

import io.outbox.OutboxException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs work in a resource-local transaction, joining the one already open on this thread so
 * that a use case's entity write and the outbox event it records commit together. Work run
 * by itself is retried a few times on a deadlock or lock timeout. Thread-safe; each
 * transaction is confined to its thread.
 */
public final class Transactions {
    private static final Logger log = LoggerFactory.getLogger(Transactions.class);
    private static final int CONFLICT_RETRIES = 5;

    private final EntityManagerFactory factory;
    private final String store;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();

    public Transactions(EntityManagerFactory factory, String store) {
        this.factory = factory;
        this.store = store;
    }

    /** Writes held back until the transaction's SQL or its commit needs them, so they go as one JDBC batch. */
    public interface Buffered {
        /** Sends what is held on {@code connection} and forgets it. */
        void flush(Connection connection) throws SQLException;
    }

    /** One open transaction: its entity manager, its JDBC connection, and what runs after it commits. */
    public static final class Tx {
        private final EntityManager entityManager;
        private final List<Runnable> afterCommit = new ArrayList<>();
        private final java.util.Set<String> marks = new java.util.HashSet<>();
        private final Map<String, Buffered> buffers = new LinkedHashMap<>();

        Tx(EntityManager entityManager) {
            this.entityManager = entityManager;
        }

        public EntityManager entityManager() {
            return entityManager;
        }

        /** The transaction's connection, with pending entity writes and buffered rows flushed first so SQL sees them. */
        public Connection connection() {
            entityManager.flush();
            flushBuffers();
            return rawConnection();
        }

        /**
         * The transaction's connection without flushing anything: for statements that need not see
         * the work's writes (a NOTIFY, the buffered rows themselves). Flushing the entity manager
         * early would make its commit compute every change twice.
         */
        public Connection rawConnection() {
            return entityManager.unwrap(Connection.class);
        }

        /** The buffer kept under {@code key} in this transaction, made by {@code make} the first time. */
        @SuppressWarnings("unchecked")
        public <B extends Buffered> B buffer(String key, Supplier<B> make) {
            return (B) buffers.computeIfAbsent(key, k -> make.get());
        }

        private void flushBuffers() {
            if (buffers.isEmpty()) {
                return;
            }
            Connection connection = rawConnection();
            for (Buffered buffered : buffers.values()) {
                try {
                    buffered.flush(connection);
                } catch (SQLException e) {
                    throw new JpaOutboxRepository.SqlFailure(e);
                }
            }
        }

        /** True the first time it is asked for {@code key} in this transaction: for work done once per transaction. */
        public boolean firstTime(String key) {
            return marks.add(key);
        }

        /** Runs once the transaction has committed (never after a rollback). */
        public void afterCommit(Runnable action) {
            if (!afterCommit.contains(action)) {
                afterCommit.add(action);
            }
        }
    }

    public boolean inTransaction() {
        return current.get() != null;
    }

    public <T> T run(Function<Tx, T> work) {
        Tx joined = current.get();
        if (joined != null) {
            return work.apply(joined);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return runAlone(work);
            } catch (RuntimeException e) {
                if (!isStoreFailure(e)) {
                    throw e; // the work's own failure (bad input, say): the rollback is all the store has to do
                }
                if (attempt >= CONFLICT_RETRIES || !StoreErrors.isTransientConflict(e)) {
                    throw StoreErrors.translate(e, store);
                }
                log.debug("transaction conflict on {} (try {}), running it again", store, attempt);
            }
        }
    }

    /** Failures of the store or driver, as opposed to exceptions the work itself threw. */
    private static boolean isStoreFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.PersistenceException || t instanceof java.sql.SQLException
                    || t instanceof OutboxException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private <T> T runAlone(Function<Tx, T> work) {
        EntityManager entityManager = factory.createEntityManager();
        Tx tx = new Tx(entityManager);
        current.set(tx);
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(tx);
            tx.flushBuffers();
            transaction.commit();
            current.remove();
            runAfterCommit(tx);
            return result;
        } catch (RuntimeException e) {
            rollbackQuietly(transaction);
            throw e;
        } finally {
            current.remove();
            entityManager.close();
        }
    }

    private static void runAfterCommit(Tx tx) {
        for (Runnable action : tx.afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("an after-commit action failed; the transaction itself committed", e);
            }
        }
    }

    private void rollbackQuietly(EntityTransaction transaction) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            log.debug("rollback on {} failed too", store, rollbackFailure);
        }
    }

    /** For callers that must report an expected failure as the store's error. */
    public OutboxException translate(RuntimeException e) {
        return StoreErrors.translate(e, store);
    }
}
