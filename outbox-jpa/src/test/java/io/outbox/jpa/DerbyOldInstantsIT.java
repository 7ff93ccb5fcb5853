package io.outbox.jpa;

import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by the migrate fuzz campaign: on Derby an instant before the Gregorian reform was
 * written as java.time fields and read back through the Julian calendar, two days off.
 */
class DerbyOldInstantsIT {

    @Test
    void givenEventsCreatedBeforeAndAtTheGregorianReform_whenReadBack_thenTheSameInstants(@TempDir Path dir) {
        try (OutboxStore store = OutboxStore.open(StoreConfig.embedded(dir))) {
            for (String time : new String[] {"0001-01-01T00:00:00Z", "1582-10-04T23:59:59Z", "1582-10-15T00:00:00Z",
                    "9999-12-31T23:59:59.999999999Z"}) {
                Instant createdAt = Instant.parse(time);
                OutboxEvent event = OutboxEvent.pending(UUID.randomUUID(), "test.entity", Operation.CREATE,
                        UUID.randomUUID().toString(), "alice", Priority.USER_ACTION, Optional.empty(), createdAt);

                store.unitOfWork().write(work -> work.record(event));

                assertThat(store.repository().findById(event.id())).get()
                        .satisfies(read -> {
                            assertThat(read.createdAt()).as(time).isEqualTo(createdAt);
                            assertThat(read.nextAttemptAt()).as(time).contains(createdAt);
                        });
            }
        }
    }
}
