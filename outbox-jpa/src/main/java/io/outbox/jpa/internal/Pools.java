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

    public static HikariDataSource open(StoreConfig config, Dialect dialect) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("outbox-" + UUID.randomUUID().toString().substring(0, 8));
        hikari.setJdbcUrl(config.jdbcUrl());
        config.user().ifPresent(hikari::setUsername);
        config.password().ifPresent(hikari::setPassword);
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(Math.min(2, config.poolSize()));
        // Creating an embedded database on a busy machine can take longer than a network login should.
        hikari.setConnectionTimeout(dialect == Dialect.DERBY ? 60_000 : 5_000);
        hikari.setValidationTimeout(2_000);
        hikari.setInitializationFailTimeout(1); // fail on open, not at the first query
        hikari.setAutoCommit(true);
        if (dialect == Dialect.POSTGRESQL) {
            hikari.addDataSourceProperty("ApplicationName", "outbox");
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return new HikariDataSource(hikari);
    }
}
