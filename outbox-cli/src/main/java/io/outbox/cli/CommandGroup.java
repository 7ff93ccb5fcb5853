package io.outbox.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A command that only groups subcommands ({@code outbox}, an app's {@code progress}): named
 * alone, it prints which subcommands there are and exits 2. Subclasses carry the
 * {@code @Command} annotation. Not thread-safe (one per command line).
 */
public abstract class CommandGroup implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }
}
