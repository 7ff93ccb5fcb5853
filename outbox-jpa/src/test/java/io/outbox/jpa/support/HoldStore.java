package io.outbox.jpa.support;

import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreConfig;

import java.io.IOException;

/** A second process for tests: opens the store at args[0], says "open" on stdout, holds it until stdin closes. */
public final class HoldStore {
    private HoldStore() {
    }

    public static void main(String[] args) throws IOException {
        try (OutboxStore store = OutboxStore.open(StoreConfig.url(args[0]))) {
            io.outbox.jpa.support.cli.Say.line("open " + store.description());
            while (System.in.read() >= 0) {
                // hold the store until the parent closes our stdin or kills us
            }
        }
    }
}
