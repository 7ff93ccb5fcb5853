package io.outbox.cli;

import java.util.Map;

/** The process environment, injected so tests can set variables. Immutable. */
public record Environment(Map<String, String> variables) {
    public Environment {
        variables = Map.copyOf(variables);
    }

    public static Environment system() {
        return new Environment(System.getenv());
    }

    public String get(String name) {
        return variables.get(name);
    }
}
