package io.outbox.jpa.internal;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A data source whose connections come from a pool given later: EclipseLink reads the entities'
 * metadata (a tenth of a second) when its factory is made, and connects only when first used, so
 * the factory can be made while the store boots. Asking for a connection before the pool is
 * given waits for it (a minute at most). Thread-safe.
 */
public final class DeferredDataSource extends QuietDataSource {
    private static final long PATIENCE_SECONDS = 60;
    private final CompletableFuture<DataSource> target = new CompletableFuture<>();

    /** From now on, connections come from {@code pool}. */
    public void use(DataSource pool) {
        target.complete(pool);
    }

    private DataSource target() throws SQLException {
        try {
            return target.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the store opened", "08001", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new SQLException("the store's pool was not ready within " + PATIENCE_SECONDS + " s", "08001", e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return target().getConnection(user, password);
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return target().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target().isWrapperFor(type);
    }
}
