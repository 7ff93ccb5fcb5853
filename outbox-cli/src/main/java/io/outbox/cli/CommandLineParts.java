package io.outbox.cli;

import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreTransactor;
import io.outbox.sync.RepositorySyncStates;
import io.outbox.sync.SyncStates;
import io.outbox.sync.Transactor;
import jakarta.inject.Provider;

import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * What the shared kit makes for one command line and an app's object graph binds: the console,
 * the clock, the global options, the session, and the store with the transactor and sync
 * states on it, each opened on first use. An app's wiring binds each of them with
 * {@link #bindEach}, so every app gets the same plumbing without copying it. Confined to the
 * command's thread.
 */
public final class CommandLineParts {
    private final List<Binding<?>> bindings;

    /** The parts of one command line of {@code app}; nothing is opened until a command asks for it. */
    public CommandLineParts(OutboxApp app, Environment environment, Output output, Clock clock) {
        GlobalOptions options = new GlobalOptions();
        Session session = new Session(app, options, environment, clock);
        this.bindings = List.of(
                Binding.of(OutboxApp.class, app),
                Binding.of(Environment.class, environment),
                Binding.of(Output.class, output),
                Binding.of(Clock.class, clock),
                Binding.of(GlobalOptions.class, options),
                Binding.of(Session.class, session),
                new Binding<>(OutboxStore.class, session::store),
                new Binding<>(Transactor.class, () -> new StoreTransactor(session::store)),
                new Binding<>(SyncStates.class, () -> new RepositorySyncStates(() -> session.store().repository())));
    }

    /**
     * Hands each part to an injector's binder, as a type and a provider of that type: with Guice,
     * {@code parts.bindEach((type, provider) -> binder.bind(type).toProvider(provider))}.
     */
    public void bindEach(BiConsumer<Class<Object>, Provider<Object>> binder) {
        bindings.forEach(part -> part.bindTo(binder));
    }

    /** A shared type and where its instance comes from. */
    private record Binding<T>(Class<T> type, Provider<T> provider) {
        static <T> Binding<T> of(Class<T> type, T instance) {
            return new Binding<>(type, () -> instance);
        }

        /** Type and provider always agree, so the binder may take them as any type. */
        @SuppressWarnings("unchecked")
        private void bindTo(BiConsumer<Class<Object>, Provider<Object>> binder) {
            binder.accept((Class<Object>) type, (Provider<Object>) provider);
        }
    }
}
