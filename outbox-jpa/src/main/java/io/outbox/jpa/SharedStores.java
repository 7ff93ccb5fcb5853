package io.outbox.jpa;

import io.outbox.jpa.internal.DerbyAuthentication;
import io.outbox.jpa.internal.StoreCredential;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lets the processes of an app share its embedded stores. Once enabled, the first process that
 * opens an embedded store on disk serves it to the others with Derby's network server (on
 * 127.0.0.1 only, on a free port, with Derby authentication on and a per-store credential kept
 * in an owner-only file beside the store); the others find that server and work through it as
 * on their own store, and when the owner ends or dies the next process that needs the store
 * takes it over. Without it, an embedded store is open in one process at a time.
 *
 * <p>Call {@link #enable()} from {@code main}, before anything opens a Derby database: Derby
 * reads its authentication switch once, at boot, and a JVM that booted Derby without it does
 * not serve (it still works, alone, as before). It is a switch of the whole JVM, so tests that
 * run an app's {@code run} method in their own JVM leave it off.
 */
public final class SharedStores {
    private static volatile boolean enabled;

    private SharedStores() {
    }

    /** Turns sharing on for this JVM; every embedded connection needs a known user from now on. */
    public static synchronized void enable() {
        DerbyAuthentication.require();
        enabled = true;
    }

    /**
     * Whether {@code database} is an embedded store that exists and has its credential, so that
     * opening it creates nothing.
     */
    public static boolean existing(Path database) {
        return Files.isRegularFile(database.resolve("service.properties"))
                && Files.isRegularFile(StoreCredential.fileOf(database));
    }

    /** Whether {@link #enable()} was called in this JVM. */
    public static boolean enabled() {
        return enabled;
    }
}
