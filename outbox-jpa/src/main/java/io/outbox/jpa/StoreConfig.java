package io.outbox.jpa;

import io.outbox.InvalidConfigurationException;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to open a store: its JDBC URL (or a caller's {@link DataSource}), the migrations to apply
 * on top of the outbox's, and the app's entity classes to map beside the outbox event.
 * Immutable; {@code with*} return copies.
 *
 * @param jdbcUrl    the store's URL; empty when it is on {@code dataSource}
 * @param poolSize   connections kept open (4); an embedded store needs few. Not used on a
 *                   caller's DataSource, which has its own pool
 * @param dataSource the caller's DataSource, when the store works on it rather than on a
 *                   pool of its own (see {@link #dataSource(DataSource)})
 */
public record StoreConfig(String jdbcUrl, Optional<String> user, Optional<String> password,
                          List<MigrationSet> migrations, List<Class<?>> entityClasses, int poolSize,
                          Optional<DataSource> dataSource) {

    /**
     * Checks the parts: a pool of 1 to 100, and no URL or credentials beside a caller's DataSource;
     * keeps unmodifiable copies of the lists.
     */
    public StoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(dataSource, "dataSource");
        migrations = List.copyOf(migrations);
        entityClasses = List.copyOf(entityClasses);
        if (poolSize < 1 || poolSize > 100) {
            throw new InvalidConfigurationException("poolSize must be in [1, 100], was " + poolSize);
        }
        if (dataSource.isPresent() && (!jdbcUrl.isEmpty() || user.isPresent() || password.isPresent())) {
            throw new InvalidConfigurationException("a store on a caller's DataSource takes no JDBC URL or "
                    + "credentials: the DataSource has its own");
        }
    }

    /** As before the caller's DataSource existed: a store on a pool of its own. */
    public StoreConfig(String jdbcUrl, Optional<String> user, Optional<String> password,
                       List<MigrationSet> migrations, List<Class<?>> entityClasses, int poolSize) {
        this(jdbcUrl, user, password, migrations, entityClasses, poolSize, Optional.empty());
    }

    /** Embedded Derby in {@code dataDir} (created when missing): the default store, nothing to install. */
    public static StoreConfig embedded(Path dataDir) {
        return url("jdbc:derby:" + dataDir.toAbsolutePath().resolve("store") + ";create=true");
    }

    /** Any supported JDBC URL: {@code jdbc:derby:...} or {@code jdbc:postgresql://host:port/db?user=...}. */
    public static StoreConfig url(String jdbcUrl) {
        return new StoreConfig(jdbcUrl, Optional.empty(), Optional.empty(), List.of(), List.of(), 4);
    }

    /**
     * A store on the caller's {@code dataSource} (Derby or PostgreSQL, told by its connections'
     * URL), for a service that has a pool of its own: the store migrates its schema and builds
     * its persistence unit on it, but makes no pool, and leaves the DataSource and the database's
     * life (creating, booting, shutting down an embedded Derby) to the caller: closing the store
     * closes neither. Nothing is read from the DataSource until the store opens. The store
     * cannot mark the caller's connections as its own, so it is also woken by its own commits:
     * one more look for due events, harmless (see {@link OutboxStore#onEventsCommitted}).
     */
    public static StoreConfig dataSource(DataSource dataSource) {
        return new StoreConfig("", Optional.empty(), Optional.empty(), List.of(), List.of(), 4,
                Optional.of(Objects.requireNonNull(dataSource, "dataSource")));
    }

    /** Logs in as {@code newUser} with {@code newPassword} (may be null), which {@link #redactedUrl()} never shows. */
    public StoreConfig withCredentials(String newUser, String newPassword) {
        return new StoreConfig(jdbcUrl, Optional.of(newUser), Optional.ofNullable(newPassword), migrations,
                entityClasses, poolSize, dataSource);
    }

    /** Adds an app's migrations; they run after the outbox's, in the order added. */
    public StoreConfig withMigrations(MigrationSet set) {
        List<MigrationSet> all = new ArrayList<>(migrations);
        all.add(set);
        return new StoreConfig(jdbcUrl, user, password, all, entityClasses, poolSize, dataSource);
    }

    /** Adds an app's JPA entity classes, mapped in the same persistence unit as the outbox event. */
    public StoreConfig withEntities(List<Class<?>> classes) {
        List<Class<?>> all = new ArrayList<>(entityClasses);
        all.addAll(classes);
        return new StoreConfig(jdbcUrl, user, password, migrations, all, poolSize, dataSource);
    }

    /** Connections kept open, 1 to 100 (default 4). */
    public StoreConfig withPoolSize(int size) {
        return new StoreConfig(jdbcUrl, user, password, migrations, entityClasses, size, dataSource);
    }

    /** Every migration set to apply, the outbox's first. */
    public List<MigrationSet> allMigrations() {
        List<MigrationSet> all = new ArrayList<>();
        all.add(MigrationSet.OUTBOX);
        all.addAll(migrations);
        return List.copyOf(all);
    }

    /**
     * The URL with any password removed, for messages. On a caller's DataSource, the URL its
     * connections report (this asks it for one), or what kind of DataSource it is when none can
     * be had.
     */
    public String redactedUrl() {
        return dataSource.map(StoreConfig::describe).orElseGet(() -> redact(jdbcUrl));
    }

    /**
     * Every part but secrets: the URL without its password, the user, whether a password is set,
     * so a config may be logged. Asks no DataSource for a connection.
     */
    @Override
    public String toString() {
        return "StoreConfig[" + dataSource.map(d -> "dataSource=" + d.getClass().getSimpleName())
                .orElseGet(() -> "jdbcUrl=" + redact(jdbcUrl)) + ", user=" + user.orElse("(none)") + ", password="
                + (password.isPresent() ? "***" : "(none)") + ", migrations=" + migrations.stream()
                .map(MigrationSet::name).toList() + ", entityClasses=" + entityClasses.stream()
                .map(Class::getSimpleName).toList() + ", poolSize=" + poolSize + "]";
    }

    /** {@code url} without the value of any {@code password=} attribute. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String describe(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return redact(connection.getMetaData().getURL());
        } catch (SQLException | RuntimeException e) {
            return "a DataSource (" + dataSource.getClass().getSimpleName() + ") that gives no connection";
        }
    }
}
