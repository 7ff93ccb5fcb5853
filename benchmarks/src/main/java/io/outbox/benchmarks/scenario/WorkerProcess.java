package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.harness.BenchmarkException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A worker JVM started from the benchmark with the same java and class path: it speaks a line
 * protocol on stdin/stdout ({@code READY}, {@code GO}, {@code DONE {json}}, ...), and its
 * stderr (logs) goes to a file in the work directory. Owns the process and ends it on close.
 * Confined to the thread that started it, apart from its stdout reader.
 */
public final class WorkerProcess implements AutoCloseable {
    private static final String END = "\u0000end";

    private final String name;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private WorkerProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLines, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} in a new JVM with {@code jvmOptions} (-Xmx256m, say) and {@code args}. */
    public static WorkerProcess start(String name, Class<?> mainClass, List<String> jvmOptions, List<String> args,
                                      Path workDir) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-Duser.timezone=UTC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(workDir.resolve(name + ".log").toFile()));
        try {
            return new WorkerProcess(name, builder.start());
        } catch (IOException e) {
            throw new BenchmarkException("cannot start worker " + name + ": " + e.getMessage(), e);
        }
    }

    /** Waits for the next line starting with {@code prefix} and returns the rest of it, trimmed. */
    public String await(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line;
            try {
                line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchmarkException("interrupted waiting for worker " + name);
            }
            if (line == null) {
                throw new BenchmarkException("worker " + name + " sent no " + prefix + " within " + timeout
                        + " (see its log in the work directory)");
            }
            if (END.equals(line)) {
                throw new BenchmarkException("worker " + name + " ended before sending " + prefix
                        + " (see its log in the work directory)");
            }
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
    }

    public void send(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new BenchmarkException("worker " + name + " does not listen any more: " + e.getMessage(), e);
        }
    }

    /** Asks the worker to exit and waits for it; kills it when it does not. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                send("EXIT");
            } catch (BenchmarkException ignored) {
                // it is going anyway
            }
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private void readLines() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended; END below tells the waiting side
        }
        lines.add(END);
    }
}
