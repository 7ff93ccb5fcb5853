package io.outbox.metadata;

import io.outbox.http.Json;
import io.outbox.http.JsonException;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An event's metadata as a record the app defines per event type, stored as a JSON object with
 * one snake_case key per component ({@code labelCount} is {@code label_count}). Metadata says
 * what changed for people and tools reading the outbox; it never carries the user's words, so a
 * record is refused, before anything is written, when a component could hold them:
 * <ul>
 *   <li>components are numbers ({@code int}, {@code long}, {@code double}, their boxes,
 *       {@code BigDecimal}), booleans, {@code UUID}, {@code Instant}, {@code LocalDate}, enums
 *       (written lower case), short strings (codes such as a unit, at most
 *       {@value #MAX_STRING} characters) or an {@code Optional} of one of these (JSON
 *       {@code null} when empty); no lists, maps or nested objects;</li>
 *   <li>no component is named like private text ({@code title}, {@code content}, {@code note},
 *       {@code text}, {@code body}, {@code message}, {@code description}, {@code comment},
 *       {@code payload}, {@code summary}, {@code label}/{@code labels}).</li>
 * </ul>
 * The record's own compact constructor validates its values, so invalid metadata never exists.
 *
 * <p>Reading is exact: metadata written before an event type had a record, or of another
 * shape (a key missing, an unknown key, a value of the wrong type), reads as empty, so old
 * events keep their old metadata and their handlers keep working. Stateless and thread-safe
 * (each record class is checked once and remembered).
 */
public final class TypedMetadata {
    /** The longest string component value, in characters. */
    public static final int MAX_STRING = 64;

    private static final Pattern PRIVATE_NAME = Pattern.compile(
            ".*(title|content|note|text|body|message|description|comment|payload|summary).*|labels?");
    private static final List<Class<?>> PLAIN = List.of(String.class, boolean.class, Boolean.class, int.class,
            Integer.class, long.class, Long.class, double.class, Double.class, BigDecimal.class, UUID.class,
            Instant.class, LocalDate.class);
    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private TypedMetadata() {
    }

    /**
     * The JSON text an event stores for {@code metadata}; throws {@link IllegalArgumentException}
     * naming the component when the record's class may hold private text or a string is too long.
     */
    public static String write(Record metadata) {
        Shape shape = shape(metadata.getClass());
        Map<String, Object> object = new LinkedHashMap<>();
        for (Component c : shape.components()) {
            object.put(c.key(), c.write(metadata));
        }
        return Json.write(object);
    }

    /** {@link #write} for an event's optional metadata. */
    public static Optional<String> of(Record metadata) {
        return Optional.of(write(metadata));
    }

    /** The record {@code stored} holds, or empty when there is none or it is of another shape (an older event's). */
    public static <R extends Record> Optional<R> read(Optional<String> stored, Class<R> type) {
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Shape shape = shape(type);
        Map<String, Object> object;
        try {
            object = Json.parseObject(stored.get());
        } catch (JsonException notAnObject) {
            return Optional.empty();
        }
        if (!object.keySet().equals(shape.keys())) {
            return Optional.empty();
        }
        Object[] args = new Object[shape.components().size()];
        for (int i = 0; i < args.length; i++) {
            Component c = shape.components().get(i);
            Optional<Object> value = c.read(object.get(c.key()));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            args[i] = value.get() == Component.NULL ? null : value.get();
        }
        try {
            return Optional.of(type.cast(shape.constructor().newInstance(args)));
        } catch (InvocationTargetException invalid) {
            return Optional.empty(); // stored values the record no longer accepts: not this shape
        } catch (ReflectiveOperationException unreachable) {
            throw new IllegalStateException("cannot build " + type.getName(), unreachable);
        }
    }

    /** Checks {@code type} as {@link #write} does (once per class); an app test calls it to fail early on a bad record. */
    public static void check(Class<? extends Record> type) {
        shape(type);
    }

    private static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, TypedMetadata::inspect);
    }

    private static Shape inspect(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException("metadata must be a record, not " + type.getName());
        }
        RecordComponent[] parts = type.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            RecordComponent part = parts[i];
            types[i] = part.getType();
            String name = part.getName();
            if (PRIVATE_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
                throw new IllegalArgumentException("metadata " + type.getSimpleName() + "." + name + " is named like"
                        + " private text; metadata never carries the user's words (keep counts, ids, codes)");
            }
            boolean optional = part.getType() == Optional.class;
            Class<?> valueType = optional ? optionalOf(type, part) : part.getType();
            if (!PLAIN.contains(valueType) && !valueType.isEnum()) {
                throw new IllegalArgumentException("metadata " + type.getSimpleName() + "." + name + " is a "
                        + valueType.getSimpleName() + "; use numbers, booleans, UUID, Instant, LocalDate, enums,"
                        + " short strings or an Optional of one");
            }
            components.add(new Component(name, snakeCase(name), part, valueType, optional));
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return new Shape(List.copyOf(components), Set.copyOf(components.stream().map(Component::key).toList()),
                    canonical);
        } catch (NoSuchMethodException | SecurityException unreachable) {
            throw new IllegalArgumentException("metadata " + type.getName() + " has no usable canonical constructor",
                    unreachable);
        }
    }

    private static Class<?> optionalOf(Class<?> type, RecordComponent part) {
        Type generic = part.getGenericType();
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new IllegalArgumentException("metadata " + type.getSimpleName() + "." + part.getName()
                + " must be an Optional of a concrete type");
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private record Shape(List<Component> components, Set<String> keys, Constructor<?> constructor) {
    }

    /** One component: how its value is written to JSON and read back. */
    private record Component(String name, String key, RecordComponent part, Class<?> type, boolean optional) {
        /** Read's placeholder for a JSON null that an Optional (or a boxed number) component takes. */
        static final Object NULL = new Object();

        Object write(Record owner) {
            Object value;
            try {
                value = part.getAccessor().invoke(owner);
            } catch (ReflectiveOperationException unreachable) {
                throw new IllegalStateException("cannot read " + name, unreachable);
            }
            if (optional) {
                value = ((Optional<?>) value).orElse(null);
            }
            if (value == null) {
                return null;
            }
            if (value instanceof String s && s.length() > MAX_STRING) {
                throw new IllegalArgumentException("metadata " + owner.getClass().getSimpleName() + "." + name
                        + " is " + s.length() + " characters; metadata strings are codes of at most " + MAX_STRING);
            }
            if (value instanceof Enum<?> e) {
                return e.name().toLowerCase(Locale.ROOT);
            }
            if (value instanceof UUID || value instanceof Instant || value instanceof LocalDate) {
                return value.toString();
            }
            return value; // strings, numbers, booleans: JSON as they are
        }

        /** The Java value for a JSON value, {@link #NULL} for null where allowed, empty when it does not fit. */
        Optional<Object> read(Object json) {
            if (json == null) {
                return optional ? Optional.of(Optional.empty())
                        : type.isPrimitive() ? Optional.empty() : Optional.of(NULL);
            }
            Optional<Object> value = convert(json);
            return optional ? value.map(Optional::of) : value;
        }

        private Optional<Object> convert(Object json) {
            try {
                if (json instanceof String s) {
                    if (type == String.class) {
                        return Optional.of(s);
                    }
                    if (type == UUID.class) {
                        return Optional.of(UUID.fromString(s));
                    }
                    if (type == Instant.class) {
                        return Optional.of(Instant.parse(s));
                    }
                    if (type == LocalDate.class) {
                        return Optional.of(LocalDate.parse(s));
                    }
                    if (type.isEnum()) {
                        return enumConstant(s);
                    }
                    return Optional.empty();
                }
                if (json instanceof BigDecimal n) {
                    return number(n);
                }
                if (json instanceof Boolean b && (type == boolean.class || type == Boolean.class)) {
                    return Optional.of(b);
                }
            } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException wrongShape) {
                return Optional.empty();
            }
            return Optional.empty();
        }

        private Optional<Object> number(BigDecimal n) {
            if (type == int.class || type == Integer.class) {
                return Optional.of(n.intValueExact());
            }
            if (type == long.class || type == Long.class) {
                return Optional.of(n.longValueExact());
            }
            if (type == double.class || type == Double.class) {
                return Optional.of(n.doubleValue());
            }
            if (type == BigDecimal.class) {
                return Optional.of(n);
            }
            return Optional.empty();
        }

        private Optional<Object> enumConstant(String s) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(s)) {
                    return Optional.of(constant);
                }
            }
            return Optional.empty();
        }
    }
}
