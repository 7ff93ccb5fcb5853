package io.outbox.processor;

import io.outbox.event.OutboxEvent;
import io.outbox.repository.ClaimRequest;
import io.outbox.repository.Completion;
import io.outbox.repository.Failure;
import io.outbox.repository.OutboxRepository;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A repository wrapper for tests that notes, in order, each event claimed, each outcome
 * written, each release and each lease renewal ("claimed id", "completed id", "failed id",
 * "released id", "renewed id", "lost id") once the call returned, and each claim as it begins
 * ("claiming for user"), so a test can prove what happened before what. Thread-safe.
 */
final class Journal {
    private final List<String> entries = new ArrayList<>();

    /** {@code real}, noting its calls here. */
    @SuppressWarnings("unchecked")
    OutboxRepository wrap(OutboxRepository real) {
        return (OutboxRepository) Proxy.newProxyInstance(OutboxRepository.class.getClassLoader(),
                new Class<?>[]{OutboxRepository.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("claim") && args[0] instanceof ClaimRequest request) {
                        noteText("claiming for " + request.scope().userId().orElse("everyone"));
                    }
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    switch (method.getName()) {
                        case "claim" -> ((List<OutboxEvent>) result).forEach(e -> note("claimed", e.id()));
                        case "markCompleted" -> ((Collection<Completion>) args[0]).forEach(c -> note("completed", c.id()));
                        case "markFailed" -> ((Collection<Failure>) args[0]).forEach(f -> note("failed", f.id()));
                        case "release" -> ((Collection<UUID>) args[0]).forEach(id -> note("released", id));
                        case "renewClaims" -> ((Collection<UUID>) args[0]).forEach(
                                id -> note(((Set<UUID>) result).contains(id) ? "renewed" : "lost", id));
                        default -> { }
                    }
                    return result;
                });
    }

    synchronized void note(String what, UUID id) {
        entries.add(what + " " + id);
    }

    synchronized void noteText(String text) {
        entries.add(text);
    }

    /** Where {@code text} was first noted, or -1. */
    synchronized int indexOfText(String text) {
        return entries.indexOf(text);
    }

    synchronized List<String> entries() {
        return List.copyOf(entries);
    }

    /** Where {@code what id} was first noted, or -1. */
    synchronized int indexOf(String what, UUID id) {
        return entries.indexOf(what + " " + id);
    }

    /** How often {@code what id} was noted. */
    synchronized long count(String what, UUID id) {
        return entries.stream().filter((what + " " + id)::equals).count();
    }

    /** How many entries begin with {@code what}. */
    synchronized long count(String what) {
        return entries.stream().filter(e -> e.startsWith(what + " ")).count();
    }

    /** Polls {@code condition} until it holds; fails the test when it has not within 30 s. */
    static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }

    /** Waits for {@code latch} from a handler's thread, where an interruption must end the handler. */
    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@link #awaitUntil} from a handler's thread, where an interruption must end the handler. */
    static void awaitQuietly(BooleanSupplier condition) {
        try {
            awaitUntil("the condition holds", condition);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
