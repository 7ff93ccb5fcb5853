package io.outbox.processor;

import io.outbox.InvalidConfigurationException;
import io.outbox.retry.RetryPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessorConfigTest {
    @Test
    void givenNoSettings_whenBuilt_thenSeedDefaults() {
        ProcessorConfig config = ProcessorConfig.defaults();

        assertThat(config.batchSize()).isEqualTo(10);
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.concurrency()).isEqualTo(3);
        assertThat(config.retryPolicy().delays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));
        assertThat(config.maxAttemptsOverride()).isEmpty();
        assertThat(config.cleanupInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(config.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(config.staleAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.lease()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void givenBadValues_whenBuilt_thenRejectedWithWhatIsAccepted() {
        assertThatThrownBy(() -> ProcessorConfig.builder().batchSize(0).build())
                .isInstanceOf(InvalidConfigurationException.class).hasMessage("batchSize must be in [1, 10000], was 0");
        assertThatThrownBy(() -> ProcessorConfig.builder().concurrency(-1).build())
                .hasMessageContaining("concurrency must be in [1, 1000]");
        assertThatThrownBy(() -> ProcessorConfig.builder().pollInterval(Duration.ZERO).build())
                .hasMessageContaining("pollInterval must be a positive duration");
        assertThatThrownBy(() -> ProcessorConfig.builder().maxAttemptsOverride(0).build())
                .hasMessageContaining("maxAttempts must be in [1, 1000]");
        assertThatThrownBy(() -> ProcessorConfig.builder().lowPriorityShare(0.9).build())
                .hasMessageContaining("lowPriorityShare must be in [0, 0.5]");
        assertThatThrownBy(() -> new RetryPolicy(List.of(), 0)).hasMessageContaining("at least one delay");
        assertThatThrownBy(() -> new RetryPolicy(RetryPolicy.DEFAULT_DELAYS, 1.5)).hasMessageContaining("jitter");
    }

    @Test
    void givenConfig_whenRebuiltWithOneChange_thenOthersKept() {
        ProcessorConfig changed = ProcessorConfig.defaults().toBuilder().batchSize(500).build();

        assertThat(changed).isEqualTo(ProcessorConfig.builder().batchSize(500).build());
    }
}
