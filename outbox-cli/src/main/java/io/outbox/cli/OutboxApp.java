package io.outbox.cli;

import io.outbox.event.OutboxEvent;
import io.outbox.handler.OutboxHandler;
import io.outbox.http.RemoteApi;
import io.outbox.jpa.MigrationSet;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreConfig;
import io.outbox.jpa.UnsyncedEntriesBackfill;
import org.flywaydb.core.api.migration.JavaMigration;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What an app built on the outbox tells the shared commands: its name and environment, its
 * schema and entities, and the handlers that push its events. An app describes itself with
 * {@link #builder}, which gives every part it leaves out its default. Implementations are
 * immutable.
 */
public interface OutboxApp {
    /**
     * An app named {@code name} (lower case: {@code <name>-app.jar}, {@code ~/.<name>}), with its
     * schema history in {@link MigrationSet#named}{@code (name)}.
     */
    static Builder builder(String name) {
        return new Builder(name);
    }

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

    /**
     * The tables of the app's synced entries, each with the type of its events, for {@code outbox
     * verify} and {@code cleanup --orphans}: by default those its schema history backfills
     * ({@link UnsyncedEntriesBackfill} among its Java migrations). Events of other types are not
     * checked.
     */
    default List<UnsyncedEntriesBackfill.Source> entrySources() {
        return migrations().javaMigrations().stream().filter(UnsyncedEntriesBackfill.class::isInstance)
                .map(UnsyncedEntriesBackfill.class::cast).flatMap(backfill -> backfill.sources().stream()).toList();
    }

    /**
     * Whether an event is delivered without a stored entry (it carries its entry itself, as Lume's
     * events migrated from its legacy outbox do), so it is no orphan when its entry is not stored;
     * none by default.
     */
    default boolean deliverableWithoutEntity(OutboxEvent event) {
        return false;
    }

    /** Collects an app's parts; {@link #build} makes the immutable app. Not thread-safe. */
    final class Builder {
        final String name;
        MigrationSet migrations;
        List<Class<?>> entityClasses = List.of();
        Set<String> eventTypes = Set.of();
        BiFunction<OutboxStore, RemoteApi, List<OutboxHandler>> handlers = (store, api) -> List.of();
        Predicate<Throwable> badInput = failure -> false;
        /** Empty: the interface's default (the stored JSON object) holds. */
        Optional<Function<OutboxEvent, Optional<Map<String, Object>>>> metadataForDisplay = Optional.empty();
        Function<OutboxStore, Map<String, Object>> extraStatistics = store -> Map.of();
        Consumer<OutboxStore> readyToSync = store -> { };
        Predicate<OutboxEvent> deliverableWithoutEntity = event -> false;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
            this.migrations = MigrationSet.named(name);
        }

        /** Java migrations (data moves SQL cannot do on both stores) beside the app's SQL ones. */
        public Builder javaMigrations(JavaMigration... migrations) {
            this.migrations = this.migrations.withJava(migrations);
            return this;
        }

        /** The app's JPA entity classes, mapped beside the outbox event. */
        public Builder entities(Class<?>... classes) {
            this.entityClasses = List.of(classes);
            return this;
        }

        /** The event types the app's handlers take; events of other types wait for a handler. */
        public Builder eventTypes(Set<String> types) {
            this.eventTypes = Set.copyOf(types);
            return this;
        }

        /** Makes the handlers that push the app's events through the API, on the open store. */
        public Builder handlers(BiFunction<OutboxStore, RemoteApi, List<OutboxHandler>> handlers) {
            this.handlers = Objects.requireNonNull(handlers, "handlers");
            return this;
        }

        /** The failures that are the user's bad input (exit 2): this type and its subtypes. */
        public Builder badInput(Class<? extends Throwable> type) {
            this.badInput = type::isInstance;
            return this;
        }

        /** What {@code outbox list} shows of an event's metadata, for an app whose metadata holds private text. */
        public Builder metadataForDisplay(Function<OutboxEvent, Optional<Map<String, Object>>> shown) {
            this.metadataForDisplay = Optional.of(shown);
            return this;
        }

        /** Lines the app adds to {@code outbox stats}. */
        public Builder extraStatistics(Function<OutboxStore, Map<String, Object>> statistics) {
            this.extraStatistics = Objects.requireNonNull(statistics, "statistics");
            return this;
        }

        /** Refuses to sync, by throwing, while the store is not ready for it (legacy rows to migrate first, say). */
        public Builder readyToSync(Consumer<OutboxStore> check) {
            this.readyToSync = Objects.requireNonNull(check, "check");
            return this;
        }

        /** The events delivered without a stored entry (they carry it themselves): no orphans when it is missing. */
        public Builder deliverableWithoutEntity(Predicate<OutboxEvent> deliverable) {
            this.deliverableWithoutEntity = Objects.requireNonNull(deliverable, "deliverable");
            return this;
        }

        /** The app. */
        public OutboxApp build() {
            return new BuiltApp(this);
        }
    }
}
