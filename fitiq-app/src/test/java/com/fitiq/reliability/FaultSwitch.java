package com.fitiq.reliability;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.outbox.testing.backend.FaultPlan;
import io.outbox.testing.backend.StandInBackend;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Turns a running stand-in backend's faults on and off while it keeps its state (resources,
 * remembered keys, journal): a campaign kills a sync under faults, then restarts it against the
 * same backend, healthy. {@link StandInBackend} fixes its fault plan at start, so this swaps its
 * request handler for one sharing the same ledger, by reflection: requests in flight finish with
 * the old one. Fails loudly if the stand-in's internals change; then give StandInBackend a
 * {@code withFaults(FaultPlan, seed)} of its own and drop this. Thread-safe.
 */
final class FaultSwitch {
    private final HttpServer server;
    private final Object ledger;
    private final byte[] token;
    private final Constructor<?> handler;
    private final Constructor<?> dice;

    private FaultSwitch(HttpServer server, Object ledger, byte[] token, Constructor<?> handler, Constructor<?> dice) {
        this.server = server;
        this.ledger = ledger;
        this.token = token;
        this.handler = handler;
        this.dice = dice;
    }

    /** A switch for {@code backend}, which must have been started with {@code token}. */
    static FaultSwitch of(StandInBackend backend, String token) {
        try {
            Field serverField = StandInBackend.class.getDeclaredField("server");
            Field ledgerField = StandInBackend.class.getDeclaredField("ledger");
            serverField.setAccessible(true);
            ledgerField.setAccessible(true);
            Object ledger = ledgerField.get(backend);
            Class<?> diceClass = Class.forName("io.outbox.testing.backend.FaultDice");
            Class<?> handlerClass = Class.forName("io.outbox.testing.backend.StandInHandler");
            Constructor<?> dice = diceClass.getDeclaredConstructor(FaultPlan.class, long.class);
            Constructor<?> handler = handlerClass.getDeclaredConstructor(byte[].class, ledger.getClass(), diceClass,
                    Duration.class);
            dice.setAccessible(true);
            handler.setAccessible(true);
            return new FaultSwitch((HttpServer) serverField.get(backend), ledger,
                    token.getBytes(StandardCharsets.UTF_8), handler, dice);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new AssertionError("StandInBackend's internals changed; FaultSwitch needs updating: " + e, e);
        }
    }

    /** From now on, requests get faults of {@code plan}, drawn from {@code seed}. */
    synchronized void inject(FaultPlan plan, long seed) {
        try {
            HttpHandler next = (HttpHandler) handler.newInstance(token, ledger, dice.newInstance(plan, seed),
                    plan.slowDelay());
            server.removeContext("/");
            server.createContext("/", next);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot swap the stand-in's handler: " + e, e);
        }
    }

    /** From now on, no faults. */
    void heal() {
        inject(FaultPlan.none(), 0);
    }
}
