package com.fitiq.reliability;

import com.fitiq.cli.Main;
import io.outbox.cli.AppMain;
import io.outbox.cli.Environment;
import io.outbox.cli.Output;
import io.outbox.jpa.support.JarProcess;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one hostile input and checks fitiq's answer: as a jar process (what users get, stray log
 * lines included), or through {@link Main#run} in this JVM (the same command line, parser and
 * code, a hundred times faster, so a build can afford the whole matrix). In this JVM raw bytes
 * are decoded as the JVM decodes a UTF-8 locale's arguments: bytes that are not UTF-8 become
 * U+FFFD. Stateless.
 */
final class HostileRun {
    private static final int LONGEST_LINE = 400;

    private HostileRun() {
    }

    static JarProcess.Result inProcess(HostileInputs.Input input, Path data, Map<String, String> baseEnv) {
        List<String> args = new ArrayList<>();
        if (input.store() == HostileInputs.Store.MAIN) {
            args.addAll(List.of("--data-dir", data.toString()));
        }
        input.args().forEach(a -> args.add(CampaignJar.decoded(a)));
        Map<String, String> env = new HashMap<>(baseEnv);
        input.env().forEach((k, v) -> {
            if (v == null) {
                env.remove(k);
            } else {
                env.put(k, v);
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            code = AppMain.run(Main.LAUNCH, args.toArray(new String[0]), new Environment(env),
                    new Output(new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8)));
        } catch (RuntimeException escaped) {
            throw new AssertionError(input.label() + ": an exception escaped the command line: " + escaped, escaped);
        }
        return new JarProcess.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static JarProcess.Result inJar(HostileInputs.Input input, CampaignJar main, CampaignJar noStore) {
        CampaignJar jar = input.store() == HostileInputs.Store.MAIN ? main : noStore;
        for (Map.Entry<String, String> variable : input.env().entrySet()) {
            jar = jar.withEnv(variable.getKey(), variable.getValue());
        }
        return jar.run(input.args().toArray(new String[0]));
    }

    /** How an input was answered. */
    enum Verdict { REFUSED, ACCEPTED, KNOWN_ISSUE }

    /** The issue of picocli's own messages: they quote a value whole, however long. */
    static final String PICOCLI_QUOTES_RAW = "outbox-jpa CliRunner: picocli's messages ('Unmatched argument',"
            + " 'Unknown option', 'Invalid value') quote the value whole and raw: 100 KB on one line, terminal"
            + " control codes passed through";

    /**
     * Never a stack trace nor a control code on the terminal; then, unless the input is a known
     * issue, the exit code of docs/cli.md with one short line on stderr naming what was wrong, or for
     * an accepted input what stdout must say.
     */
    static Verdict assertAnswered(HostileInputs.Input input, JarProcess.Result result, String how, String hint) {
        String about = input.label() + " (" + how + ": " + CampaignJar.printable(input.args().toArray(new String[0]))
                + ") answered " + result.exitCode() + ", stderr '" + cut(result.stderr()) + "', stdout '"
                + cut(result.stdout()) + "'; " + hint;
        assertThat(result.everything().contains("\tat ") || result.everything().contains("Exception"))
                .as("no stack trace: " + about).isFalse();
        boolean controlCodes = result.stderr().chars().anyMatch(c -> c < 0x20 && c != '\n');
        if (input.knownIssue().isPresent()) {
            return Verdict.KNOWN_ISSUE;
        }
        assertThat(result.exitCode()).as("exit code: " + about).isEqualTo(input.exitCode());
        if (!input.refused()) {
            assertThat(input.mustName().stream().anyMatch(result.stdout()::contains)).as("stdout says one of "
                    + input.mustName() + ": " + about).isTrue();
            return Verdict.ACCEPTED;
        }
        assertThat(result.stdout().isEmpty()).as("nothing on stdout: " + about).isTrue();
        List<String> lines = result.stderr().lines().toList();
        assertThat(lines.size()).as("one line on stderr: " + about).isEqualTo(1);
        String line = lines.get(0);
        assertThat(line.startsWith("fitiq-app: ")).as("says who: " + about).isTrue();
        assertThat(input.mustName().stream().anyMatch(line::contains)).as("names one of " + input.mustName() + ": "
                + about).isTrue();
        assertThat(line.length() <= LONGEST_LINE && !controlCodes).as("a short line (" + line.length() + " chars)"
                + " without control codes (" + controlCodes + "): " + about).isTrue();
        return Verdict.REFUSED;
    }

    private static String cut(String text) {
        String shown = text.replaceAll("[\\p{Cntrl}&&[^\n]]", "?");
        return shown.length() <= 300 ? shown : shown.substring(0, 300) + "...(" + shown.length() + " chars)";
    }
}
