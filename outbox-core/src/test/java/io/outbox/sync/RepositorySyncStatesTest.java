package io.outbox.sync;

import io.outbox.testing.InMemoryOutboxRepository;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class RepositorySyncStatesTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private final InMemoryOutboxRepository repository = new InMemoryOutboxRepository();
    private final SyncStates states = new RepositorySyncStates(() -> repository);

    @Test
    void givenEventsInEveryState_whenAsked_thenOnlyUndeliveredEntitiesAreListed() {
        repository.save(anEvent().forUser("alice").forEntity("done").completedAt(NOW).build());
        repository.save(anEvent().forUser("alice").forEntity("waiting").build());
        repository.save(anEvent().forUser("alice").forEntity("sending").processingBy("p1", NOW.plusSeconds(30)).build());
        repository.save(anEvent().forUser("alice").forEntity("retrying").failedRetryAt("503", NOW.plusSeconds(5)).build());
        repository.save(anEvent().forUser("alice").forEntity("lost").failedForGood("400 bad body").build());

        assertThat(states.unsynced("alice")).containsOnly(
                entry("waiting", SyncState.PENDING),
                entry("sending", SyncState.PENDING),
                entry("retrying", SyncState.PENDING),
                entry("lost", SyncState.FAILED));
    }

    @Test
    void givenAFailedAndAPendingChangeOfOneEntity_whenAsked_thenTheEntityIsFailed() {
        repository.save(anEvent().forUser("alice").forEntity("e1").failedForGood("400").build());
        repository.save(anEvent().forUser("alice").forEntity("e1").build());

        assertThat(states.unsynced("alice")).containsExactly(entry("e1", SyncState.FAILED));
    }

    @Test
    void givenAnotherUsersEvents_whenAsked_thenTheyAreNotListed() {
        repository.save(anEvent().forUser("bob").forEntity("b1").build());

        assertThat(states.unsynced("alice")).isEmpty();
        assertThat(SyncState.FAILED.wireName()).isEqualTo("failed");
    }
}
