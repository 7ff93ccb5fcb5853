package io.outbox.cli;

import jakarta.inject.Inject;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.Optional;

/** The options every command of both apps takes (docs/cli.md), before or after the command name. Not thread-safe. */
public final class GlobalOptions {
    /** System properties {@code --help} reads the app's own defaults from (set by {@link CliRunner}). */
    static final String APP_NAME = "outbox.cli.app-name";
    static final String ENV_PREFIX = "outbox.cli.env-prefix";

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where the embedded Derby store lives (default: ~/.${sys:" + APP_NAME + "}).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Any JDBC URL instead, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres")
    String dbUrl;

    @Option(names = "--user", paramLabel = "ID", scope = ScopeType.INHERIT,
            description = "The signed-in user (1 to 64 of A-Za-z0-9._@-); default: env ${sys:" + ENV_PREFIX + "}_USER.")
    String user;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of failures.")
    boolean verbose;

    /** Injectable, so that picocli fills the one instance the session reads ({@link LookupFactory}). */
    @Inject
    public GlobalOptions() {
        // options are set by picocli
    }

    /** {@code --data-dir}, if given. */
    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    /** {@code --db-url}, if given. */
    public Optional<String> dbUrl() {
        return Optional.ofNullable(dbUrl);
    }

    /** {@code --user}, if given. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** Whether {@code --verbose} was given: failures print their stack trace. */
    public boolean verbose() {
        return verbose;
    }

    /** Points the session at another data directory (the demo's temporary store), whatever was given. */
    public void useDataDir(Path dir) {
        dataDir = dir;
        dbUrl = null;
    }
}
