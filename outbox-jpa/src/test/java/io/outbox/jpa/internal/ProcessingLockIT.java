package io.outbox.jpa.internal;

import io.outbox.StoreLockedException;
import io.outbox.jpa.support.TakeProcessingLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one processor of an embedded store, tried from this JVM and from another process: a
 * second take is refused with the holder's pid, and that refusal does not drop the lock (closing
 * any channel on a file drops the process's POSIX locks on it).
 */
class ProcessingLockIT {
    @TempDir
    Path dir;

    @Test
    void givenLockHeldHere_whenTakenAgainHere_thenRefusedAndStillHeldAgainstOtherProcesses() throws Exception {
        Path database = dir.resolve("store");
        try (ProcessingLock held = ProcessingLock.take(database, "a sync")) {
            assertThatThrownBy(() -> ProcessingLock.take(database, "a sync")).isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("a sync already runs on the store")
                    .hasMessageContaining("in process " + ProcessHandle.current().pid());

            assertThat(tryInAnotherProcess(database)).startsWith("a sync already runs on the store")
                    .contains("in process " + ProcessHandle.current().pid());
        }
        assertThat(tryInAnotherProcess(database)).as("after the holder let go").isEqualTo("taken");
    }

    private static String tryInAnotherProcess(Path database) throws IOException, InterruptedException {
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                TakeProcessingLock.class.getName(), database.toString()).redirectErrorStream(true).start();
        String said = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(other.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return said;
    }
}
