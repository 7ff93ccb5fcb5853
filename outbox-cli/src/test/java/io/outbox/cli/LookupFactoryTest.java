package io.outbox.cli;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What comes from the app's injector and what picocli makes itself. */
class LookupFactoryTest {
    /** Stands for an injector's own package, such as Guice's. */
    static final class Injector {
        /** Stands for its own annotation, such as com.google.inject.Inject. */
        @Retention(RetentionPolicy.RUNTIME)
        @interface Inject {
        }
    }

    static final class WithInjectorsInject {
        @Injector.Inject
        WithInjectorsInject() {
        }
    }

    static final class WithJakartaInject {
        @Inject
        WithJakartaInject() {
        }
    }

    static final class Plain {
    }

    private final List<Class<?>> asked = new ArrayList<>();
    private final LookupFactory factory = new LookupFactory(type -> {
        asked.add(type);
        if (type == WithJakartaInject.class) {
            return new WithJakartaInject();
        }
        if (type == WithInjectorsInject.class) {
            return new WithInjectorsInject();
        }
        throw new IllegalStateException("the injector cannot make " + type.getSimpleName());
    });

    @Test
    void givenAnInjectConstructor_whenCreated_thenTheInjectorMakesIt() throws Exception {
        assertThat(factory.create(WithJakartaInject.class)).isInstanceOf(WithJakartaInject.class);
        assertThat(factory.create(WithInjectorsInject.class)).isInstanceOf(WithInjectorsInject.class);
        assertThat(asked).containsExactly(WithJakartaInject.class, WithInjectorsInject.class);
    }

    @Test
    void givenNoInjectConstructor_whenCreated_thenPicocliMakesItAndTheInjectorIsNotAsked() throws Exception {
        assertThat(factory.create(Plain.class)).isInstanceOf(Plain.class);
        assertThat(factory.create(List.class)).isInstanceOf(List.class);
        assertThat(asked).isEmpty();
    }

    @Test
    void givenTheInjectorFails_whenAskedForAnInjectableType_thenTheFailureIsThrownNotHidden() {
        LookupFactory failing = new LookupFactory(type -> {
            throw new IllegalStateException("no binding for " + type.getSimpleName());
        });

        assertThatThrownBy(() -> failing.create(WithJakartaInject.class))
                .hasMessage("no binding for WithJakartaInject");
    }
}
