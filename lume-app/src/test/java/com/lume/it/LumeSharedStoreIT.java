package com.lume.it;

import com.lume.support.BackendChecks;
import com.lume.support.LumeJar;
import io.outbox.cli.support.SharedStoreContract;
import io.outbox.testing.backend.StandInBackend;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Lume's processes sharing one embedded store while {@code sync --watch} serves it: moods and journals. */
class LumeSharedStoreIT extends SharedStoreContract {
    LumeSharedStoreIT() {
        super(LumeJar.JAR, "LUME");
    }

    /** Even adds make mood entries, odd ones journal entries. */
    @Override
    protected String[] add(int i) {
        return i % 2 == 0 ? new String[]{"mood", "add", "--valence", "0." + (i % 10), "--label", "calm"}
                : new String[]{"journal", "add", "--title", "day " + i, "--content", "wrote while syncing " + i};
    }

    @Override
    protected String[] update(String id, int i) {
        return i % 2 == 0 ? new String[]{"mood", "update", id, "--valence", "-0.5"}
                : new String[]{"journal", "update", id, "--title", "day " + i + ", edited"};
    }

    @Override
    protected String[] delete(String id, int i) {
        return new String[]{i % 2 == 0 ? "mood" : "journal", "delete", id};
    }

    @Override
    protected void assertBackendEqualsLocal(StandInBackend backend, Function<String[], String> ok) {
        List<Map<String, Object>> moods = LumeJar.parse(ok.apply(new String[]{"mood", "list", "--json"}),
                new com.fasterxml.jackson.core.type.TypeReference<>() {
                });
        List<Map<String, Object>> journals = LumeJar.parse(ok.apply(new String[]{"journal", "list", "--json"}),
                new com.fasterxml.jackson.core.type.TypeReference<>() {
                });
        assertThat(BackendChecks.differences(backend, moods, journals)).isEmpty();
        assertThat(BackendChecks.createdTwice(backend)).isEmpty();
    }
}
