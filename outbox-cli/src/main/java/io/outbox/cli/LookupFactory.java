package io.outbox.cli;

import picocli.CommandLine;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Lets picocli create commands through an app's injector, and anything the injector does not
 * know the picocli way; the apps pass Guice's lookup, so this module needs no Guice. Thread-safe.
 */
public final class LookupFactory implements CommandLine.IFactory {
    private final Function<Class<?>, Object> lookup;
    private final Predicate<RuntimeException> unknownType;

    /** {@code unknownType} tells the injector's "cannot make this type" failure from a real one. */
    public LookupFactory(Function<Class<?>, Object> lookup, Predicate<RuntimeException> unknownType) {
        this.lookup = lookup;
        this.unknownType = unknownType;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return type.cast(lookup.apply(type));
        } catch (RuntimeException e) {
            if (!unknownType.test(e)) {
                throw e;
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
