package com.fitiq.e2e;

import io.outbox.cli.support.SharedStoreContract;
import io.outbox.testing.backend.StandInBackend;

import java.util.function.Function;

/** FitIQ's processes sharing one embedded store while {@code sync --watch} serves it. */
class FitiqSharedStoreIT extends SharedStoreContract {
    FitiqSharedStoreIT() {
        super(FitiqCli.JAR, "FITIQ");
    }

    @Override
    protected String[] add(int i) {
        return i % 2 == 0 ? new String[]{"progress", "add", "--type", "weight", "--quantity", (60 + i % 40) + ".5"}
                : new String[]{"progress", "add", "--type", "steps", "--quantity", String.valueOf(1000 + i)};
    }

    @Override
    protected String[] update(String id, int i) {
        return new String[]{"progress", "update", id, "--quantity", i % 2 == 0 ? "88" : "4321"};
    }

    @Override
    protected String[] delete(String id, int i) {
        return new String[]{"progress", "delete", id};
    }

    @Override
    protected void assertBackendEqualsLocal(StandInBackend backend, Function<String[], String> ok) {
        Backends.assertBackendEqualsLocal(ok.apply(new String[]{"progress", "list", "--json"}),
                backend.resources("progress"), backend.createsPerClientId("progress"));
    }
}
