package io.outbox.cli;

import jakarta.inject.Inject;
import picocli.CommandLine;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Lets picocli create what has an {@code @Inject} constructor ({@code jakarta.inject}'s or the
 * injector's own: commands with dependencies, the global options) through an app's injector, and the rest (subcommands that reach their parent,
 * converters, argument groups) the picocli way. The apps pass Guice's lookup, so this module
 * needs no Guice; a failure of the injector is a real one and is thrown on. Thread-safe.
 */
public final class LookupFactory implements CommandLine.IFactory {
    private final Function<Class<?>, Object> lookup;

    /** {@code lookup} gives the injector's instance of a class (Guice's {@code injector::getInstance}). */
    public LookupFactory(Function<Class<?>, Object> lookup) {
        this.lookup = lookup;
    }

    /** The injector's instance of {@code type}. */
    public <K> K get(Class<K> type) {
        return type.cast(lookup.apply(type));
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        return injectable(type) ? get(type) : CommandLine.defaultFactory().create(type);
    }

    /** Whether a constructor is marked for injection: {@code jakarta.inject}'s, or an injector's own {@code @Inject}. */
    private static boolean injectable(Class<?> type) {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.isAnnotationPresent(Inject.class) || Arrays.stream(constructor.getAnnotations())
                    .anyMatch(a -> a.annotationType().getSimpleName().equals("Inject"))) {
                return true;
            }
        }
        return false;
    }
}
