package io.outbox.tools.migration.reliability;

import io.outbox.jpa.support.TestJvm;
import io.outbox.tools.migration.cli.JarRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built jar with a last argument made of raw bytes (printf escapes through /bin/sh),
 * which a Java caller cannot pass: bytes that are no UTF-8, as a shell user can type them, in a
 * UTF-8 locale. Stateless.
 */
final class RawArguments {
    private RawArguments() {
    }

    /** The arguments before the raw one, the raw one as printf escapes ({@code \377}), and what must happen. */
    record Case(String option, List<String> args, String printfBytes, int code, String mention) {
    }

    record Result(int code, String out, String err) {
    }

    static Result run(Path scratch, Case raw, Duration timeout) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                "exec \"$@\" \"$(printf '" + raw.printfBytes() + "')\"", "sh"));
        command.addAll(TestJvm.command(JarRun.jar(), JarRun.TRAINING, List.of()));
        command.addAll(raw.args());
        try {
            Path out = Files.createTempFile(scratch, "raw-out-", ".txt");
            Path err = Files.createTempFile(scratch, "raw-err-", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("LC_ALL", "C.UTF-8");
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the jar did not finish within " + timeout + ": " + raw);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
