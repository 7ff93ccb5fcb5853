package io.outbox.processor;

import io.outbox.handler.OutboxHandler;
import io.outbox.listener.OutboxListener;
import io.outbox.repository.OutboxRepository;
import io.outbox.sync.Transactor;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/** Assembles a processor. Everything but the repository and the handlers has a default. Not thread-safe. */
public final class OutboxProcessorBuilder {
    final OutboxRepository repository;
    final List<OutboxHandler> handlers = new ArrayList<>();
    ProcessorConfig config = ProcessorConfig.defaults();
    Clock clock = Clock.systemUTC();
    Optional<Sleeper> sleeper = Optional.empty();
    OutboxListener listener = OutboxListener.NONE;
    Optional<String> userId = Optional.empty();
    Optional<String> owner = Optional.empty();
    boolean exclusiveStore;
    Optional<Transactor> transactor = Optional.empty();
    DoubleSupplier random = new SecureRandom()::nextDouble;

    OutboxProcessorBuilder(OutboxRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** Adds the handler of one event type; events of types without a handler are left pending, unclaimed. */
    public OutboxProcessorBuilder handler(OutboxHandler handler) {
        handlers.add(Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /** Adds each of {@code all}, as {@link #handler} does. */
    public OutboxProcessorBuilder handlers(Collection<? extends OutboxHandler> all) {
        all.forEach(this::handler);
        return this;
    }

    /** Every setting of the processor (default {@link ProcessorConfig#defaults()}). */
    public OutboxProcessorBuilder config(ProcessorConfig value) {
        config = Objects.requireNonNull(value, "config");
        return this;
    }

    /** Where the processor reads the time: due times, backoff, leases, statistics (default the system's UTC clock). */
    public OutboxProcessorBuilder clock(Clock value) {
        clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** How {@code drainUntilIdle} waits; tests pass one that advances their clock. */
    public OutboxProcessorBuilder sleeper(Sleeper value) {
        sleeper = Optional.of(value);
        return this;
    }

    /** Told of each delivery, failure and recovery; its own failures never stop the processor (default none). */
    public OutboxProcessorBuilder listener(OutboxListener value) {
        listener = Objects.requireNonNull(value, "listener");
        return this;
    }

    /** Deliver only this user's events (a processor started at sign-in); by default every user's. */
    public OutboxProcessorBuilder forUser(String value) {
        userId = Optional.of(value);
        return this;
    }

    /** The claim owner's name, unique among processors sharing a store; by default pid and a random suffix. */
    public OutboxProcessorBuilder owner(String value) {
        owner = Optional.of(value);
        return this;
    }

    /**
     * The store is used by this process alone (an embedded store): events left processing
     * by an earlier process are recovered at once on the first batch, without waiting for a lease.
     */
    public OutboxProcessorBuilder exclusiveStore(boolean value) {
        exclusiveStore = value;
        return this;
    }

    /**
     * The store's transactor: each batch's completions, and what the handlers keep of their
     * deliveries ({@link OutboxHandler#keepDelivered}), then commit in one transaction. Without
     * one, what handlers keep is written first and the completions after, each on its own.
     */
    public OutboxProcessorBuilder transactor(Transactor value) {
        transactor = Optional.of(Objects.requireNonNull(value, "transactor"));
        return this;
    }

    /** Uniform values in [0, 1) for the retry jitter. */
    public OutboxProcessorBuilder random(DoubleSupplier value) {
        random = Objects.requireNonNull(value, "random");
        return this;
    }

    /** The processor, not started yet: call {@link OutboxProcessor#start()}, or drive it with {@code processOnce}. */
    public OutboxProcessor build() {
        return new OutboxProcessor(this);
    }
}
