package io.outbox.processor;

import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;

import java.time.Duration;

/** One finished handler call: the claimed event, what the handler said and how long it took. */
record Attempt(OutboxEvent event, HandlerResult result, Duration handlerTime) {
}
