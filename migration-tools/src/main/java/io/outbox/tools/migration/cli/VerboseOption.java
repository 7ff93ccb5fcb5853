package io.outbox.tools.migration.cli;

import picocli.CommandLine.Option;

/** The --verbose option every command takes: stack traces for failures, debug logging of the tool. */
final class VerboseOption {
    @Option(names = "--verbose", arity = "0", description = "Show stack traces of failures and the tool's debug log.")
    boolean verbose;
}
