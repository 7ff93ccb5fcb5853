package io.outbox.cli;

import io.outbox.event.OutboxEvent;
import io.outbox.handler.OutboxHandler;
import io.outbox.http.RemoteApi;
import io.outbox.jpa.MigrationSet;
import io.outbox.jpa.OutboxStore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** The app an {@link OutboxApp.Builder} describes. Immutable. */
final class BuiltApp implements OutboxApp {
    private final String name;
    private final MigrationSet migrations;
    private final List<Class<?>> entityClasses;
    private final Set<String> eventTypes;
    private final BiFunction<OutboxStore, RemoteApi, List<OutboxHandler>> handlers;
    private final Predicate<Throwable> badInput;
    private final Optional<Function<OutboxEvent, Optional<Map<String, Object>>>> metadataForDisplay;
    private final Function<OutboxStore, Map<String, Object>> extraStatistics;
    private final Consumer<OutboxStore> readyToSync;
    private final Predicate<OutboxEvent> deliverableWithoutEntity;

    BuiltApp(OutboxApp.Builder parts) {
        this.name = parts.name;
        this.migrations = parts.migrations;
        this.entityClasses = parts.entityClasses;
        this.eventTypes = parts.eventTypes;
        this.handlers = parts.handlers;
        this.badInput = parts.badInput;
        this.metadataForDisplay = parts.metadataForDisplay;
        this.extraStatistics = parts.extraStatistics;
        this.readyToSync = parts.readyToSync;
        this.deliverableWithoutEntity = parts.deliverableWithoutEntity;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MigrationSet migrations() {
        return migrations;
    }

    @Override
    public List<Class<?>> entityClasses() {
        return entityClasses;
    }

    @Override
    public Set<String> eventTypes() {
        return eventTypes;
    }

    @Override
    public List<OutboxHandler> handlers(OutboxStore store, RemoteApi api) {
        return handlers.apply(store, api);
    }

    @Override
    public boolean isBadInput(Throwable failure) {
        return badInput.test(failure);
    }

    @Override
    public Optional<Map<String, Object>> metadataForDisplay(OutboxEvent event) {
        return metadataForDisplay.isPresent() ? metadataForDisplay.get().apply(event)
                : OutboxApp.super.metadataForDisplay(event);
    }

    @Override
    public Map<String, Object> extraStatistics(OutboxStore store) {
        return extraStatistics.apply(store);
    }

    @Override
    public void checkReadyToSync(OutboxStore store) {
        readyToSync.accept(store);
    }

    @Override
    public boolean deliverableWithoutEntity(OutboxEvent event) {
        return deliverableWithoutEntity.test(event);
    }

    @Override
    public String toString() {
        return "OutboxApp[" + name + "]";
    }
}
