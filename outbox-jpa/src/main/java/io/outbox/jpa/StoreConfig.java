package io.outbox.jpa;

import io.outbox.InvalidConfigurationException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to open a store: its JDBC URL, the migrations to apply on top of the outbox's, and the
 * app's entity classes to map beside the outbox event. Immutable; {@code with*} return copies.
 *
 * @param poolSize connections kept open (4); an embedded store needs few
 */
public record StoreConfig(String jdbcUrl, Optional<String> user, Optional<String> password,
                          List<MigrationSet> migrations, List<Class<?>> entityClasses, int poolSize) {

    public StoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        migrations = List.copyOf(migrations);
        entityClasses = List.copyOf(entityClasses);
        if (poolSize < 1 || poolSize > 100) {
            throw new InvalidConfigurationException("poolSize must be in [1, 100], was " + poolSize);
        }
    }

    /** Embedded Derby in {@code dataDir} (created when missing): the default store, nothing to install. */
    public static StoreConfig embedded(Path dataDir) {
        return url("jdbc:derby:" + dataDir.toAbsolutePath().resolve("store") + ";create=true");
    }

    /** Any supported JDBC URL: {@code jdbc:derby:...} or {@code jdbc:postgresql://host:port/db?user=...}. */
    public static StoreConfig url(String jdbcUrl) {
        return new StoreConfig(jdbcUrl, Optional.empty(), Optional.empty(), List.of(), List.of(), 4);
    }

    /** Logs in as {@code newUser} with {@code newPassword} (may be null), which {@link #redactedUrl()} never shows. */
    public StoreConfig withCredentials(String newUser, String newPassword) {
        return new StoreConfig(jdbcUrl, Optional.of(newUser), Optional.ofNullable(newPassword), migrations,
                entityClasses, poolSize);
    }

    /** Adds an app's migrations; they run after the outbox's, in the order added. */
    public StoreConfig withMigrations(MigrationSet set) {
        List<MigrationSet> all = new ArrayList<>(migrations);
        all.add(set);
        return new StoreConfig(jdbcUrl, user, password, all, entityClasses, poolSize);
    }

    /** Adds an app's JPA entity classes, mapped in the same persistence unit as the outbox event. */
    public StoreConfig withEntities(List<Class<?>> classes) {
        List<Class<?>> all = new ArrayList<>(entityClasses);
        all.addAll(classes);
        return new StoreConfig(jdbcUrl, user, password, migrations, all, poolSize);
    }

    /** Connections kept open, 1 to 100 (default 4). */
    public StoreConfig withPoolSize(int size) {
        return new StoreConfig(jdbcUrl, user, password, migrations, entityClasses, size);
    }

    /** Every migration set to apply, the outbox's first. */
    public List<MigrationSet> allMigrations() {
        List<MigrationSet> all = new ArrayList<>();
        all.add(MigrationSet.OUTBOX);
        all.addAll(migrations);
        return List.copyOf(all);
    }

    /** The URL with any password removed, for messages. */
    public String redactedUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
