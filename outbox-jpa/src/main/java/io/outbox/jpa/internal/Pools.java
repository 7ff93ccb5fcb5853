package io.outbox.jpa.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.outbox.jpa.Dialect;
import io.outbox.jpa.StoreConfig;

import java.util.UUID;

/** Builds the connection pool of a store; it fails at once when the store cannot be opened. */
public final class Pools {
    private Pools() {
    }

    /** A pool of its own store id, for tools and tests that write with plain JDBC. */
    public static HikariDataSource open(StoreConfig config, Dialect dialect) {
        return open(config, dialect, UUID.randomUUID().toString());
    }

    /** On PostgreSQL each connection carries {@code storeId}, the payload of the insert trigger's NOTIFY. */
    public static HikariDataSource open(StoreConfig config, Dialect dialect, String storeId) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("outbox-" + UUID.randomUUID().toString().substring(0, 8));
        hikari.setJdbcUrl(config.jdbcUrl());
        config.user().ifPresent(hikari::setUsername);
        config.password().ifPresent(hikari::setPassword);
        hikari.setMaximumPoolSize(config.poolSize());
        // One connection at start (a command mostly needs one); more are opened when asked for.
        hikari.setMinimumIdle(1);
        // Creating an embedded database on a busy machine can take longer than a network login should.
        hikari.setConnectionTimeout(dialect == Dialect.DERBY ? 60_000 : 5_000);
        hikari.setValidationTimeout(2_000);
        hikari.setInitializationFailTimeout(1); // fail on open, not at the first query
        hikari.setAutoCommit(true);
        if (dialect == Dialect.POSTGRESQL) {
            hikari.addDataSourceProperty("ApplicationName", "outbox");
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
            hikari.setConnectionInitSql("SET outbox.store_id = '" + UUID.fromString(storeId) + "'");
        }
        return new HikariDataSource(hikari);
    }

    /**
     * A pool over a shared embedded store's route: connections lost with the owner are dropped
     * (Derby's client says 08006), and new ones go to wherever the store is served then.
     */
    public static HikariDataSource open(StoreConfig config, SharedDerbySource source) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("outbox-" + UUID.randomUUID().toString().substring(0, 8));
        hikari.setDataSource(source);
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(1);
        // a take-over waits for the old owner's shutdown and boots the store: longer than a login
        hikari.setConnectionTimeout(60_000);
        hikari.setValidationTimeout(2_000);
        hikari.setInitializationFailTimeout(1);
        hikari.setAutoCommit(true);
        return new HikariDataSource(hikari);
    }
}
