package io.outbox.cli;

import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreTransactor;
import io.outbox.sync.RepositorySyncStates;
import io.outbox.sync.SyncStates;
import io.outbox.sync.Transactor;
import jakarta.inject.Provider;

import java.time.Clock;
import java.util.List;

/**
 * What the shared kit makes for one command line and an app's object graph binds: the console,
 * the clock, the global options, the session, and the store with the transactor and sync
 * states on it, each opened on first use. The apps bind {@link #bindings()} in their Guice
 * module, so every app gets the same plumbing without copying it. Confined to the command's thread.
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

    /** Each shared type with where its instance comes from. */
    public List<Binding<?>> bindings() {
        return bindings;
    }

    /** A type and its provider, for an injector's binding. */
    public record Binding<T>(Class<T> type, Provider<T> provider) {
        static <T> Binding<T> of(Class<T> type, T instance) {
            return new Binding<>(type, () -> instance);
        }
    }
}
