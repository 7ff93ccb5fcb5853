package com.lume.it;

import com.fasterxml.jackson.core.type.TypeReference;
import com.lume.demo.WellnessContract;
import com.lume.support.LumeJar;
import io.outbox.jpa.support.JarProcess;
import io.outbox.jpa.support.PostgresSchema;
import io.outbox.testing.backend.Resource;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two users on one shared store: each one's listings, outbox and sync hold only their own entries. */
class UserIsolationIT {
    private static final String TOKEN = "isolation-" + UUID.randomUUID();
    private static final TypeReference<List<Map<String, Object>>> ARRAY = new TypeReference<>() {
    };

    private static String[] args(String... args) {
        return args;
    }

    @Test
    void givenTwoUsersOnOneStore_whenOneListsAndSyncs_thenTheOthersEntriesAreNeverShownNorSent() {
        try (PostgresSchema schema = PostgresSchema.create("lume_users");
             StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(TOKEN))) {
            LumeJar store = LumeJar.onDbUrl(schema.url());
            LumeJar alice = store.as("alice");
            LumeJar bob = store.as("bob");
            alice.ok("outbox", "stats");
            List<JarProcess.Result> moods = store.runAll(List.of(
                    args("--user", "alice", "mood", "add", "--valence", "0.5", "--note", "alice's note"),
                    args("--user", "bob", "mood", "add", "--valence", "-0.5", "--note", "bob's note")));
            String aliceMood = moods.get(0).stdout().trim();
            String bobMood = moods.get(1).stdout().trim();
            List<JarProcess.Result> journals = store.runAll(List.of(
                    args("--user", "alice", "journal", "add", "--title", "A", "--content", "alice writes",
                            "--mood", aliceMood),
                    args("--user", "bob", "journal", "add", "--title", "B", "--content", "bob writes",
                            "--mood", bobMood)));
            String bobJournal = journals.get(1).stdout().trim();

            List<JarProcess.Result> seen = store.runAll(List.of(
                    args("--user", "alice", "mood", "list", "--json"),
                    args("--user", "alice", "journal", "list", "--json"),
                    args("--user", "alice", "outbox", "list", "--json"),
                    args("--user", "alice", "mood", "update", bobMood, "--valence", "0.1"),
                    args("--user", "alice", "journal", "add", "--title", "T", "--content", "C", "--mood",
                            bobMood),
                    args("--user", "alice", "journal", "delete", bobJournal)));

            assertThat(LumeJar.parse(seen.get(0).stdout(), ARRAY)).extracting(e -> e.get("id"))
                    .containsExactly(aliceMood);
            assertThat(LumeJar.parse(seen.get(1).stdout(), ARRAY)).singleElement()
                    .satisfies(e -> assertThat(e.get("content")).isEqualTo("alice writes"));
            assertThat(LumeJar.parse(seen.get(2).stdout(), ARRAY)).hasSize(2)
                    .allSatisfy(e -> assertThat(e.get("user_id")).isEqualTo("alice"));
            assertThat(seen.subList(3, 6)).allSatisfy(r -> {
                assertThat(r.exitCode()).isEqualTo(2);
                assertThat(r.stderr()).contains("for user alice").doesNotContain("bob's").doesNotContain("bob writes");
            });

            JarProcess.Result sync = alice.withEnv("LUME_API_TOKEN", TOKEN).run("sync", "--api",
                    backend.baseUri().toString(), "--until-idle");
            assertThat(sync.exitCode()).as(sync.everything()).isZero();
            assertThat(sync.stdout()).contains("delivered 2, failed 0, pending 0");
            assertThat(backend.resources(WellnessContract.MOODS).values()).extracting(Resource::clientId)
                    .containsExactly(aliceMood);
            assertThat(backend.resources(WellnessContract.JOURNALS)).hasSize(1);

            List<Map<String, Object>> bobsEvents = bob.jsonArray("outbox", "list", "--json");
            assertThat(bobsEvents).hasSize(2).allSatisfy(e -> {
                assertThat(e.get("user_id")).isEqualTo("bob");
                assertThat(e.get("status")).isEqualTo("pending");
            });
        }
    }
}
