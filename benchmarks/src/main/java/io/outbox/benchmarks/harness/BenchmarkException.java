package io.outbox.benchmarks.harness;

/** A benchmark could not run (a store refused its set-up SQL, a worker JVM died); the run stops with it. */
public class BenchmarkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BenchmarkException(String message) {
        super(message);
    }

    public BenchmarkException(String message, Throwable cause) {
        super(message, cause);
    }
}
