package io.outbox.tools.migration.target;

import io.outbox.InvalidConfigurationException;
import io.outbox.OutboxException;
import io.outbox.SchemaVersionException;
import io.outbox.StoreFullException;
import io.outbox.StoreLockedException;
import io.outbox.StoreUnavailableException;
import io.outbox.event.OutboxEvent;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreConfig;
import io.outbox.tools.migration.jdbc.Connections;
import io.outbox.tools.migration.jdbc.DerbyDatabases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The real target: an outbox store (its schema applied on open), one unit of work per batch. Not thread-safe. */
public final class StoreTarget implements EventTarget {
    private final OutboxStore store;

    private StoreTarget(OutboxStore store) {
        this.store = store;
    }

    /** Opens the store; fails with the library's message when it is locked, unreachable or of a newer schema. */
    public static StoreTarget open(String url) {
        if (DerbyDatabases.isDerby(url)) {
            // The store's pool gives a connection 5 s; creating (or recovering) a Derby database on a busy
            // machine can take longer. Booting it here first, without a timeout, leaves the pool a fast open.
            Connections.boot(url, "target");
        }
        try {
            return new StoreTarget(OutboxStore.open(StoreConfig.url(url).withPoolSize(2)));
        } catch (OutboxException e) {
            throw asTarget(e);
        }
    }

    /** The library's failure, its kind (and so the exit code) kept, saying that it is the target that failed. */
    private static OutboxException asTarget(OutboxException failure) {
        String message = "the target: " + failure.getMessage();
        if (failure instanceof InvalidConfigurationException) {
            return failure;
        } else if (failure instanceof StoreLockedException) {
            return new StoreLockedException(message, failure);
        } else if (failure instanceof StoreUnavailableException) {
            return new StoreUnavailableException(message, failure);
        } else if (failure instanceof SchemaVersionException) {
            return new SchemaVersionException(message, failure);
        } else if (failure instanceof StoreFullException) {
            return new StoreFullException(message, failure);
        }
        return new OutboxException(message, failure);
    }

    @Override
    public Set<UUID> present(Collection<UUID> ids) {
        try (Connection connection = store.dataSource().getConnection()) {
            return PresentIds.find(connection, store.dialect(), ids);
        } catch (SQLException e) {
            throw Connections.translate(e, store.description(), "target");
        }
    }

    @Override
    public void write(List<OutboxEvent> events) {
        if (!events.isEmpty()) {
            store.unitOfWork().write(work -> events.forEach(work::record));
        }
    }

    @Override
    public void recordQuarantine(java.util.Map<String, String> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        try (Connection connection = store.dataSource().getConnection()) {
            QuarantineTable.record(connection, store.dialect(), reasons, java.time.Instant.now());
        } catch (SQLException e) {
            throw Connections.translate(e, store.description(), "target");
        }
    }

    @Override
    public String description() {
        return store.description();
    }

    @Override
    public void close() {
        store.close();
    }
}
