package io.outbox.cli;

import picocli.CommandLine.Mixin;

/**
 * An app's root command: the {@link GlobalOptions} every subcommand inherits, and its usage when
 * named alone. Subclasses carry the {@code @Command} annotation (name, description, examples).
 */
public abstract class AppCommand extends CommandGroup {
    @Mixin
    private GlobalOptions global;
}
