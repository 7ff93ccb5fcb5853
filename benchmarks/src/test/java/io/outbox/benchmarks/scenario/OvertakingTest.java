package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.testing.backend.Arrival;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OvertakingTest {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    private static Arrival at(String clientId, long millis) {
        return new Arrival("progress", clientId, T.plusMillis(millis));
    }

    private static List<Arrival> importEvery10MillisUntil(long millis) {
        List<Arrival> all = new ArrayList<>();
        for (long m = 0; m <= millis; m += 10) {
            all.add(at("import-" + m, m));
        }
        return all;
    }

    @Test
    void givenChangesThatOvertookTheImport_whenRead_thenLatenciesFromCommit_andTheImportStillPending() {
        Map<String, Instant> commits = new LinkedHashMap<>();
        commits.put("a", T.plusMillis(100));
        commits.put("b", T.plusMillis(300));
        List<Arrival> arrivals = importEvery10MillisUntil(1_000);
        arrivals.add(at("a", 145));
        arrivals.add(at("b", 520));

        Overtaking result = Overtaking.of(commits, arrivals, 5_000);

        assertThat(result.latencies()).containsExactly(Duration.ofMillis(45), Duration.ofMillis(220));
        assertThat(result.millis()).containsExactly(45.0, 220.0);
        assertThat(result.mostImportWaitedFor()).as("import arrivals at 310..520 ms, while b waited").isEqualTo(22);
        assertThat(result.importPendingAtLast()).as("53 of 5,000 had arrived by 520 ms").isEqualTo(5_000 - 53);
        assertThat(result.duringImport()).as("both committed before the import's last arrival").isEqualTo(2);
    }

    @Test
    void givenAChangeThatWaitedForTheWholeImport_whenRead_thenItWaitedForEveryEntry_andNoneWasLeft() {
        Map<String, Instant> commits = Map.of("late", T.plusMillis(5));
        List<Arrival> arrivals = importEvery10MillisUntil(990);
        arrivals.add(at("late", 1_000));

        Overtaking result = Overtaking.of(commits, arrivals, 100);

        assertThat(result.mostImportWaitedFor()).isEqualTo(99);
        assertThat(result.importPendingAtLast()).isZero();
        assertThat(result.duringImport()).isEqualTo(1);
    }

    @Test
    void givenAChangeMadeAfterTheImportArrived_whenRead_thenNotCountedAsMadeDuringIt() {
        Map<String, Instant> commits = new LinkedHashMap<>();
        commits.put("during", T.plusMillis(500));
        commits.put("after", T.plusMillis(1_200));
        List<Arrival> arrivals = importEvery10MillisUntil(990);
        arrivals.add(at("during", 530));
        arrivals.add(at("after", 1_220));

        assertThat(Overtaking.of(commits, arrivals, 100).duringImport()).isEqualTo(1);
    }

    @Test
    void givenAChangeThatNeverArrived_whenRead_thenItFailsNamingIt() {
        assertThatThrownBy(() -> Overtaking.of(Map.of("lost", T), importEvery10MillisUntil(100), 11))
                .isInstanceOf(BenchmarkException.class).hasMessageContaining("lost");
    }
}
