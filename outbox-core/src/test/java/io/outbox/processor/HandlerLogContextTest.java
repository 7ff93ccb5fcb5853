package io.outbox.processor;

import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;
import io.outbox.testing.InMemoryOutboxRepository;
import io.outbox.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** Every line a handler logs can name its event: the MDC holds it during the call, not on the caller's thread. */
class HandlerLogContextTest {
    private static final String TYPE = "test.entity";

    @Test
    void givenHandlers_whenTheyRun_thenTheMdcNamesTheirEvent() {
        ManualClock clock = ManualClock.at("2025-01-31T08:00:00Z");
        InMemoryOutboxRepository repository = new InMemoryOutboxRepository();
        OutboxEvent first = anEvent().withType(TYPE).forEntity("entry-1").forUser("alice").build();
        OutboxEvent second = anEvent().withType(TYPE).forEntity("entry-2").forUser("bob").build();
        repository.save(first);
        repository.save(second);
        List<Map<String, String>> seen = Collections.synchronizedList(new ArrayList<>());
        OutboxHandler recording = OutboxHandler.of(TYPE, event -> {
            seen.add(copy());
            return HandlerResult.done();
        });

        try (OutboxProcessor processor = OutboxProcessor.builder(repository).handler(recording).clock(clock)
                .sleeper(clock.sleeper()).owner("test-worker")
                .config(ProcessorConfig.builder().concurrency(1).build()).build()) {
            processor.processOnce();
        }

        assertThat(seen).containsExactlyInAnyOrder(
                Map.of("outbox.event_id", first.id().toString(), "outbox.event_type", TYPE,
                        "outbox.entity_id", "entry-1", "outbox.user_id", "alice"),
                Map.of("outbox.event_id", second.id().toString(), "outbox.event_type", TYPE,
                        "outbox.entity_id", "entry-2", "outbox.user_id", "bob"));
        assertThat(MDC.getCopyOfContextMap() == null ? Map.of() : MDC.getCopyOfContextMap())
                .as("the caller's thread").doesNotContainKeys("outbox.event_id");
    }

    private static Map<String, String> copy() {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return context == null ? Map.of() : new HashMap<>(context);
    }
}
