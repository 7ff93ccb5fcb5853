package io.outbox.testing.backend;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Serves one exchange: checks the token and the key, draws a fault, applies a drop or a delay,
 * and lets the {@link Ledger} answer. Logs method, path, status and key only, never a body or a
 * token. Thread-safe: it holds no state of its own.
 */
final class StandInHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(StandInHandler.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final byte[] token;
    private final Ledger ledger;
    private final FaultDice dice;
    private final Duration slowDelay;

    StandInHandler(byte[] token, Ledger ledger, FaultDice dice, Duration slowDelay) {
        this.token = token.clone();
        this.ledger = ledger;
        this.dice = dice;
        this.slowDelay = slowDelay;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            serve(exchange, Incoming.read(exchange, token, ledger.clock()));
        } catch (IOException lost) {
            log.debug("stand-in: exchange lost: {}", lost.toString());
        } catch (RuntimeException defect) {
            // a defect of the stand-in itself; the client sees a dropped connection
            log.warn("stand-in: failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    defect);
        } finally {
            // without an answer sent, this closes the connection: that is how a drop looks to the client
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange, Incoming in) throws IOException {
        Optional<Answer> refused = gate(in);
        if (refused.isPresent()) {
            ledger.record(in, OptionalInt.of(refused.get().status()), Optional.empty());
            send(exchange, in, refused.get());
            return;
        }
        Optional<Fault> fault = dice.roll();
        if (fault.filter(f -> f.is(FaultKind.DROP)).isPresent()) {
            ledger.record(in, OptionalInt.empty(), Optional.of(FaultKind.DROP));
            log.debug("stand-in: {} {} dropped before acting (key {})", in.method(), in.path(), in.key().orElseThrow());
            return;
        }
        if (fault.filter(f -> f.is(FaultKind.SLOW)).isPresent() && !pause()) {
            ledger.record(in, OptionalInt.empty(), Optional.of(FaultKind.SLOW));
            return;
        }
        Optional<Answer> answer = ledger.handle(in, fault);
        if (answer.isPresent()) {
            send(exchange, in, answer.get());
        } else {
            log.debug("stand-in: {} {} acted on, then dropped (key {})", in.method(), in.path(), in.key().orElseThrow());
        }
    }

    /** Refusals that come before any fault and are never remembered: a bad token, a missing or malformed key. */
    private Optional<Answer> gate(Incoming in) {
        if (!in.authorized()) {
            return Optional.of(Answer.error(401, "missing or wrong bearer token"));
        }
        if (in.key().isEmpty()) {
            return Optional.of(Answer.error(400, "the Idempotency-Key header is required"));
        }
        if (!KEY.matcher(in.key().get()).matches()) {
            return Optional.of(Answer.error(400, "the Idempotency-Key must be a lowercase UUID"));
        }
        return Optional.empty();
    }

    /** Waits out a SLOW fault; false when interrupted (the backend is closing), so the request is dropped. */
    private boolean pause() {
        try {
            Thread.sleep(slowDelay.toMillis());
            return true;
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void send(HttpExchange exchange, Incoming in, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        Headers headers = exchange.getResponseHeaders();
        if (body.length > 0) {
            headers.set("Content-Type", "application/json");
        }
        answer.headers().forEach(headers::set);
        // The JDK server writes headers and body apart; on a kept-alive connection Nagle's algorithm
        // and delayed ACKs then hold every answer ~40 ms. A fresh loopback connection per request is cheap.
        headers.set("Connection", "close");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        log.debug("stand-in: {} {} answered {} (key {})", in.method(), in.path(), answer.status(),
                in.key().orElse("none"));
    }
}
