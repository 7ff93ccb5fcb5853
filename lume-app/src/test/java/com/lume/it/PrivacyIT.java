package com.lume.it;

import com.lume.demo.WellnessContract;
import com.lume.support.LumeJar;
import io.outbox.jpa.support.JarProcess;
import io.outbox.testing.backend.FaultPlan;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy promise, through the jar: a journal's title and content and a mood's note, all
 * carrying a marker, go through add, a faulty sync (one journal the backend rejects with a
 * message quoting its text), the outbox listings and statistics, and bad input quoting them;
 * neither the marker nor the API token shows anywhere but in the user's own entry listings, and
 * no file of the data directory holds the token.
 */
class PrivacyIT {
    private static final String MARKER = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final String TOKEN = "tok-" + UUID.randomUUID();

    @Test
    void givenPrivateTextAndToken_whenEveryCommandRuns_thenNeitherShowsOutsideTheUsersOwnListing(@TempDir Path dir)
            throws IOException {
        try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(TOKEN)
                .withFaults(FaultPlan.of(0.3)).withSeed(7)
                .withValidator(WellnessContract.MOODS, WellnessContract.moodBody())
                .withValidator(WellnessContract.JOURNALS, body -> String.valueOf(body.get("title")).startsWith("Rejected")
                        ? Optional.of("title '" + body.get("title") + "' with content '" + body.get("content")
                        + "' is not allowed") : WellnessContract.journalBody().apply(body)))) {
            LumeJar alice = LumeJar.onDataDir(dir).as("alice").withEnv("LUME_API_TOKEN", TOKEN);
            Map<String, JarProcess.Result> runs = new LinkedHashMap<>();
            String mood = run(runs, alice, "mood add", "mood", "add", "--valence", "0.3", "--note",
                    MARKER + " saw the doctor").stdout().trim();
            run(runs, alice, "journal add", "journal", "add", "--title", MARKER + " title", "--content",
                    "Dear diary, " + MARKER + " happened.\nSecond line.", "--mood", mood);
            run(runs, alice, "journal add rejected", "journal", "add", "--title", "Rejected " + MARKER, "--content",
                    MARKER + " should never be quoted");
            run(runs, alice, "journal add with a bad title", "journal", "add", "--title", MARKER + "\nsecond line",
                    "--content", MARKER);
            run(runs, alice, "sync", "sync", "--api", backend.baseUri().toString(), "--until-idle",
                    "--retry-delays", "50ms,100ms,200ms", "--max-attempts", "10");
            run(runs, alice, "outbox list --json", "outbox", "list", "--json");
            run(runs, alice, "outbox list", "outbox", "list");
            run(runs, alice, "outbox stats", "outbox", "stats");
            run(runs, alice, "outbox stats --json", "outbox", "stats", "--json");
            JarProcess.Result ownListing = alice.run("journal", "list", "--json");

            assertThat(runs.get("journal add with a bad title").exitCode()).isEqualTo(2);
            assertThat(runs.get("sync").exitCode()).as("the rejected journal fails for good").isEqualTo(1);
            assertThat(runs.get("outbox list").stdout()).contains("failed for good")
                    .contains("HTTP 422: title '[private text]' with content '[private text]' is not allowed");
            assertThat(backend.resources(WellnessContract.JOURNALS)).hasSize(1);
            List<String> leaks = new ArrayList<>();
            runs.forEach((command, result) -> {
                if (result.everything().contains(MARKER)) {
                    leaks.add(command + " printed the private marker: " + result.everything());
                }
                if (result.everything().contains(TOKEN)) {
                    leaks.add(command + " printed the token");
                }
            });
            assertThat(leaks).isEmpty();
            assertThat(ownListing.stdout()).as("the user's own listing shows the text: the check can see it")
                    .contains(MARKER + " title").doesNotContain(TOKEN);
            assertThat(filesHolding(dir, TOKEN)).isEmpty();
        }
    }

    private static JarProcess.Result run(Map<String, JarProcess.Result> runs, LumeJar jar, String name,
                                         String... args) {
        JarProcess.Result result = jar.run(args);
        runs.put(name, result);
        return result;
    }

    private static List<Path> filesHolding(Path dir, String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> contains(f, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            byte[] data = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + needle.length <= data.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (data[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
