package io.outbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between Jackson's tree and the plain Java values {@link Json} reads and writes, and decides
 * which Java values are JSON. Stateless and thread-safe.
 */
final class JsonValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    /** Unmodifiable maps and lists, strings, BigDecimals, Booleans and nulls for a parsed tree. */
    static Object toJava(JsonNode node) {
        if (node == null) {
            return null; // Jackson reads a top-level null as no node
        }
        return switch (node.getNodeType()) {
            case OBJECT -> object(node);
            case ARRAY -> array(node);
            case STRING -> node.textValue();
            // every number a BigDecimal, integers too: callers cast to it
            case NUMBER -> node.decimalValue();
            case BOOLEAN -> node.booleanValue();
            default -> null; // NULL: a parsed tree holds no MISSING, BINARY or POJO nodes
        };
    }

    /** The tree for {@code value}; throws {@link IllegalArgumentException} for what JSON cannot hold. */
    static JsonNode toTree(Object value) {
        return toTree(value, 0);
    }

    private static Map<String, Object> object(JsonNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            map.put(entry.getKey(), toJava(entry.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }

    private static List<Object> array(JsonNode node) {
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            list.add(toJava(item));
        }
        return Collections.unmodifiableList(list); // not List.copyOf: it refuses nulls
    }

    private static JsonNode toTree(Object value, int depth) {
        if (depth > Json.MAX_DEPTH) {
            throw new IllegalArgumentException("nesting deeper than " + Json.MAX_DEPTH + " (a cycle?)");
        }
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof String text) {
            return NODES.textNode(text);
        } else if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        } else if (value instanceof Number number) {
            return number(number);
        } else if (value instanceof Map<?, ?> map) {
            return object(map, depth);
        } else if (value instanceof Collection<?> items) {
            return array(items, depth);
        }
        throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
    }

    private static ObjectNode object(Map<?, ?> map, int depth) {
        ObjectNode node = NODES.objectNode();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys must be strings, not "
                        + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
            }
            node.set(key, toTree(entry.getValue(), depth + 1));
        }
        return node;
    }

    private static ArrayNode array(Collection<?> items, int depth) {
        ArrayNode node = NODES.arrayNode(items.size());
        for (Object item : items) {
            node.add(toTree(item, depth + 1));
        }
        return node;
    }

    private static JsonNode number(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            return number instanceof Float f ? NODES.numberNode(f) : NODES.numberNode(d);
        } else if (number instanceof BigDecimal decimal) {
            return NODES.numberNode(decimal);
        } else if (number instanceof BigInteger integer) {
            return NODES.numberNode(integer);
        } else if (number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte) {
            return NODES.numberNode(number.longValue());
        }
        throw new IllegalArgumentException("cannot write a " + number.getClass().getName() + " as JSON");
    }
}
