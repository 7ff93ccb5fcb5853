package io.outbox.http;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** The writer behind {@link Json#write}. Stateless and thread-safe. */
final class JsonWriter {
    private JsonWriter() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (depth > JsonReader.MAX_DEPTH) {
            throw new IllegalArgumentException("nesting deeper than " + JsonReader.MAX_DEPTH + " (a cycle?)");
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            quote((String) value, out);
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Number) {
            out.append(number((Number) value));
        } else if (value instanceof Map) {
            object((Map<?, ?>) value, out, depth);
        } else if (value instanceof Collection) {
            array((Collection<?>) value, out, depth);
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out, int depth) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String)) {
                throw new IllegalArgumentException("JSON object keys must be strings, not " + entry.getKey());
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            quote((String) entry.getKey(), out);
            out.append(':');
            write(entry.getValue(), out, depth + 1);
        }
        out.append('}');
    }

    private static void array(Collection<?> list, StringBuilder out, int depth) {
        out.append('[');
        for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
            write(it.next(), out, depth + 1);
            if (it.hasNext()) {
                out.append(',');
            }
        }
        out.append(']');
    }

    private static String number(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            return number.toString();
        }
        if (number instanceof BigDecimal || number instanceof BigInteger || number instanceof Long
                || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return number.toString();
        }
        throw new IllegalArgumentException("cannot write a " + number.getClass().getName() + " as JSON");
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
