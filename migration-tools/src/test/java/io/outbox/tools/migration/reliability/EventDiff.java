package io.outbox.tools.migration.reliability;

import io.outbox.event.OutboxEvent;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The fields in which an event differs from the expected one, values cut short (a payload may be megabytes). Stateless. */
final class EventDiff {
    private static final int SHOWN = 120;

    private EventDiff() {
    }

    static List<String> of(OutboxEvent expected, OutboxEvent actual) {
        if (actual == null) {
            return List.of("no event with id " + expected.id());
        }
        List<String> differences = new ArrayList<>();
        for (RecordComponent field : OutboxEvent.class.getRecordComponents()) {
            Object want = value(field, expected);
            Object got = value(field, actual);
            if (!Objects.equals(want, got)) {
                differences.add(field.getName() + ": expected " + shown(want) + ", was " + shown(got));
            }
        }
        return differences;
    }

    private static Object value(RecordComponent field, OutboxEvent event) {
        try {
            return field.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "... (" + text.length() + " chars)";
    }
}
