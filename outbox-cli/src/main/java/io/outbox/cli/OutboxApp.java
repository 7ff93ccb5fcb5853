package io.outbox.cli;

import io.outbox.event.OutboxEvent;
import io.outbox.handler.OutboxHandler;
import io.outbox.http.RemoteApi;
import io.outbox.jpa.MigrationSet;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreConfig;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an app built on the outbox tells the shared commands: its name and environment, its
 * schema and entities, and the handlers that push its events. Implementations are immutable.
 */
public interface OutboxApp {
    /** Short name: the jar is {@code <name>-app.jar}, the default data directory {@code ~/.<name>}. */
    String name();

    /**
     * Prefix of the environment variables: {@code <PREFIX>_USER}, {@code <PREFIX>_API_TOKEN};
     * by default the name in upper case.
     */
    default String envPrefix() {
        return name().toUpperCase(Locale.ROOT);
    }

    /** The app's schema history, applied on top of the outbox's. */
    MigrationSet migrations();

    /** The app's JPA entity classes, mapped beside the outbox event. */
    List<Class<?>> entityClasses();

    /** The store config for a JDBC URL, with the app's migrations and entities added. */
    default StoreConfig storeConfig(String jdbcUrl) {
        return StoreConfig.url(jdbcUrl).withMigrations(migrations()).withEntities(entityClasses());
    }

    /** The event types this app's handlers take. */
    Set<String> eventTypes();

    /** The handlers that push this app's events through {@code api}. */
    List<OutboxHandler> handlers(OutboxStore store, RemoteApi api);

    /** Whether a failure is the user's bad input (exit 2) rather than the program's. */
    default boolean isBadInput(Throwable failure) {
        return false;
    }

    /**
     * An event's metadata as shown by {@code outbox list}: by default the stored JSON object.
     * An app holding private text returns it without those fields.
     */
    default Optional<Map<String, Object>> metadataForDisplay(OutboxEvent event) {
        return event.metadata().map(Output::parseObject);
    }

    /** Lines {@code outbox stats} adds for this app (legacy rows still to migrate, say); none by default. */
    default Map<String, Object> extraStatistics(OutboxStore store) {
        return Map.of();
    }

    /** Refuses to sync when the store is not ready for it (legacy rows not yet migrated, say); fine by default. */
    default void checkReadyToSync(OutboxStore store) {
    }
}
