package io.outbox.cli;

import java.util.Map;

/** The process environment, injected so tests can set variables. Immutable. */
public record Environment(Map<String, String> variables) {
    /** Keeps an unmodifiable copy of the variables. */
    public Environment {
        variables = Map.copyOf(variables);
    }

    /** This process's environment. */
    public static Environment system() {
        return new Environment(System.getenv());
    }

    /** The variable's value, or null when it is not set. */
    public String get(String name) {
        return variables.get(name);
    }
}
