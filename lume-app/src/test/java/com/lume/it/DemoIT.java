package com.lume.it;

import com.lume.support.LumeJar;
import io.outbox.jpa.support.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo, as a newcomer runs it: 200 changes, 30 % faults, a random seed, and it must end equal and in order. */
class DemoIT {
    @Test
    void givenNoSetUp_whenDemoRunsWith200EntriesAnd30PercentFaults_thenExits0WithBackendEqualAndLinksInOrder(
            @TempDir Path home) {
        JarProcess.Result demo = LumeJar.onDataDir(home).run("demo", "--entries", "200", "--failure-rate", "0.3");

        assertThat(demo.exitCode()).as(demo.everything()).isZero();
        assertThat(demo.stdout()).contains("200 local changes").contains("30 % asked")
                .contains("backend state equals local state: yes")
                .contains("every linked journal arrived after its mood: yes");
        assertThat(demo.stdoutLines()).filteredOn(l -> l.startsWith("every linked journal")).singleElement()
                .asString().doesNotContain("(0 linked");
    }
}
