package com.fitiq.reliability;

import com.fitiq.e2e.FitiqCli;
import io.outbox.jpa.support.JarProcess;
import io.outbox.jpa.support.TestJvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The built fitiq-app.jar for campaigns that start it hundreds of times: {@link FitiqCli}'s
 * store, user and token, run with {@link TestJvm}'s quick start-up (it halves the JVM start,
 * which dominates a campaign), plus a working directory of choice (so relative paths land in a
 * temporary directory) and arguments given as raw bytes (so bytes that are not UTF-8 reach the
 * JVM as a terminal would pass them, under {@code LC_ALL=C.UTF-8}). Immutable.
 */
final class CampaignJar {
    private static final String RAW = "\u0000raw:";
    private static final Path JAR = FitiqCli.JAR.toAbsolutePath();

    private final List<String> storeArgs;
    private final Map<String, String> env;
    private final Optional<Path> workDir;

    private CampaignJar(List<String> storeArgs, Map<String, String> env, Optional<Path> workDir) {
        this.storeArgs = List.copyOf(storeArgs);
        this.env = Map.copyOf(env);
        this.workDir = workDir;
    }

    static CampaignJar onDataDir(Path dir, String user) {
        return new CampaignJar(List.of("--data-dir", dir.toAbsolutePath().toString()), Map.of("FITIQ_USER", user,
                "FITIQ_API_TOKEN", FitiqCli.TOKEN, "LANG", "C.UTF-8", "LC_ALL", "C.UTF-8"), Optional.empty());
    }

    /** Makes the class-data-sharing archive now, so that no campaign times its making. */
    static void prepare() {
        TestJvm.command(JAR, TestJvm.Training.APP_STORE, List.of());
    }

    /** An argument passed as these bytes, exactly: for bytes that are not UTF-8. */
    static String raw(byte[] bytes) {
        return RAW + HexFormat.of().formatHex(bytes);
    }

    /** An argument as a JVM under a UTF-8 locale receives it: raw bytes that are not UTF-8 become U+FFFD. */
    static String decoded(String arg) {
        return arg.startsWith(RAW) ? new String(HexFormat.of().parseHex(arg.substring(RAW.length())),
                StandardCharsets.UTF_8) : arg;
    }

    CampaignJar asUser(String user) {
        return withEnv("FITIQ_USER", user);
    }

    CampaignJar withEnv(String name, String value) {
        Map<String, String> more = new HashMap<>(env);
        if (value == null) {
            more.remove(name);
        } else {
            more.put(name, value);
        }
        return new CampaignJar(storeArgs, more, workDir);
    }

    /** Without the {@code --data-dir} option: for commands that give their own store options. */
    CampaignJar withoutStore() {
        return new CampaignJar(List.of(), env, workDir);
    }

    CampaignJar inDirectory(Path dir) {
        return new CampaignJar(storeArgs, env, Optional.of(dir));
    }

    JarProcess.Result run(String... args) {
        try {
            Path out = Files.createTempFile("fitiq-out", ".txt");
            Path err = Files.createTempFile("fitiq-err", ".txt");
            try {
                Process process = start(out, err, args);
                if (!process.waitFor(3, TimeUnit.MINUTES)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("fitiq-app did not finish within 3 minutes: " + printable(args));
                }
                return new JarProcess.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs a command that must succeed, returning its stdout. */
    String ok(String... args) {
        JarProcess.Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("'" + printable(args) + "' exited " + result.exitCode() + ": " + result.stderr());
        }
        return result.stdout();
    }

    Process start(Path stdout, Path stderr, String... args) {
        List<String> command = new ArrayList<>(TestJvm.command(JAR, TestJvm.Training.APP_STORE, List.of()));
        command.addAll(storeArgs);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(withRawBytes(command)).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        workDir.ifPresent(dir -> builder.directory(dir.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("FITIQ_") || k.startsWith("LUME_"));
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The arguments for people: raw bytes shown as hex, huge ones cut. */
    static String printable(String... args) {
        StringBuilder text = new StringBuilder();
        for (String arg : args) {
            String shown = arg.startsWith(RAW) ? "<bytes " + arg.substring(RAW.length()) + ">"
                    : arg.replaceAll("\\p{Cntrl}", "?");
            text.append(text.length() == 0 ? "" : " ").append(shown.length() > 60 ? shown.substring(0, 40) + "...("
                    + shown.length() + " chars)" : shown);
        }
        return text.toString();
    }

    /**
     * Raw arguments cannot go through ProcessBuilder (it encodes Strings), so then {@code /bin/sh}
     * rebuilds the argument list, each raw one made by printf from octal escapes, and execs java
     * (a raw argument cannot end in a newline: the shell's command substitution drops it).
     */
    private static List<String> withRawBytes(List<String> command) {
        if (command.stream().noneMatch(a -> a.startsWith(RAW))) {
            return command;
        }
        List<String> shell = new ArrayList<>(List.of("/bin/sh", "-c", "for a in \"$@\"; do shift; case \"$a\" in"
                + " RAW:*) set -- \"$@\" \"$(printf \"${a#RAW:}\")\";; *) set -- \"$@\" \"${a#ARG:}\";; esac; done;"
                + " exec \"$@\"", "sh"));
        for (String arg : command) {
            if (arg.startsWith(RAW)) {
                StringBuilder octal = new StringBuilder("RAW:");
                for (byte b : HexFormat.of().parseHex(arg.substring(RAW.length()))) {
                    octal.append(String.format("\\%03o", b & 0xff));
                }
                shell.add(octal.toString());
            } else {
                shell.add("ARG:" + arg);
            }
        }
        return shell;
    }
}
