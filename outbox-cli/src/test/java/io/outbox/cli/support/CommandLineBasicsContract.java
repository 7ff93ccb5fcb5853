package io.outbox.cli.support;

import io.outbox.cli.Environment;
import io.outbox.cli.Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new user reads first, the same for every app: {@code --version} is the build's, and
 * {@code --help} names this app's own defaults and ends each command's line with a whole
 * sentence. Each app runs it through its {@code Main.run}, in this JVM; no store is opened.
 */
public abstract class CommandLineBasicsContract {
    /** What one command line printed and returned. */
    protected record Answer(int exitCode, String out, String err) {
    }

    /** An app's {@code Main.run(args, environment, output)}. */
    @FunctionalInterface
    protected interface CommandLine {
        int run(String[] args, Environment environment, Output output);
    }

    private final String appName;
    private final String envPrefix;
    private final CommandLine commandLine;

    /**
     * @param appName the app's short name: {@code fitiq} for {@code fitiq-app}
     * @param envPrefix the prefix of the app's environment variables: {@code FITIQ}
     */
    protected CommandLineBasicsContract(String appName, String envPrefix, CommandLine commandLine) {
        this.appName = appName;
        this.envPrefix = envPrefix;
        this.commandLine = commandLine;
    }

    protected final Answer answer(String... args) {
        return answer(Map.of(), args);
    }

    protected final Answer answer(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = commandLine.run(args, new Environment(environment), new Output(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Answer(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void givenVersionOption_whenRun_thenPrintsTheBuildsVersion() {
        Answer answer = answer("--version");

        assertThat(answer.exitCode()).isZero();
        assertThat(answer.out().strip()).isEqualTo(appName + "-app " + System.getProperty("project.version"));
    }

    @Test
    void givenHelpOption_whenRun_thenNamesThisAppsDataDirectoryAndUserVariable() {
        Answer answer = answer("--help");

        assertThat(answer.exitCode()).isZero();
        String help = answer.out().replaceAll("\\s+", " ");
        assertThat(help).contains("(default: ~/." + appName + ")")
                .contains("default: env " + envPrefix + "_USER")
                .doesNotContain("<app>").doesNotContain("<APP>");
    }

    // Regression: an API URL with user info, a query or a fragment passed the option check and was
    // refused only by the HTTP client, as a store failure (exit 3), after the store was opened
    @Test
    void givenApiUrlWithUserQueryOrFragment_whenSync_thenExit2InOneLineNamingApiAndNoStoreMade(@TempDir Path dir) {
        Path data = dir.resolve("data");
        for (String api : new String[] {"https://alice:secret@api.example.com", "https://api.example.com/?x=1",
                "https://api.example.com/#top"}) {
            Answer answer = answer(Map.of(envPrefix + "_API_TOKEN", "t0ken"), "--data-dir", data.toString(),
                    "--user", "alice", "sync", "--api", api, "--until-idle");

            assertThat(answer.exitCode()).as(api).isEqualTo(2);
            assertThat(answer.err().lines()).as(api).singleElement().asString().contains("--api")
                    .contains("e.g. https://api.example.com");
            assertThat(answer.out()).as(api).isEmpty();
        }
        assertThat(data).as("refused before the store was opened").doesNotExist();
    }

    @Test
    void givenHelpOption_whenRun_thenEveryCommandsSummaryIsAWholeSentence() {
        String help = answer("--help").out();
        String commands = help.substring(help.indexOf("Commands:"), help.indexOf("Examples:"));
        // a summary is its first line and the indented lines that continue it
        String[] summaries = commands.substring("Commands:".length()).strip().split("\\R(?=  \\S)");

        assertThat(summaries).isNotEmpty();
        assertThat(Arrays.stream(summaries).map(String::strip)).allSatisfy(summary ->
                assertThat(summary).as("the summary of a command in --help").endsWith("."));
    }
}
