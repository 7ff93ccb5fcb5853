package io.outbox.jpa.support;

import io.outbox.StoreLockedException;
import io.outbox.jpa.internal.ProcessingLock;
import io.outbox.jpa.support.cli.Say;

import java.nio.file.Path;

/** A second process for tests: tries the processing lock of the store at args[0] and says "taken" or why not. */
public final class TakeProcessingLock {
    private TakeProcessingLock() {
    }

    public static void main(String[] args) {
        try (ProcessingLock lock = ProcessingLock.take(Path.of(args[0]), "a sync")) {
            Say.line("taken");
        } catch (StoreLockedException refused) {
            Say.line(refused.getMessage());
        }
    }
}
