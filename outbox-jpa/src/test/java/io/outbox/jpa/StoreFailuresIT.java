package io.outbox.jpa;

import io.outbox.StoreLockedException;
import io.outbox.StoreUnavailableException;
import io.outbox.event.EventStatus;
import io.outbox.event.OutboxEvent;
import io.outbox.repository.EventQuery;
import io.outbox.jpa.support.HoldStore;
import io.outbox.jpa.support.Stores;
import io.outbox.repository.ClaimOrder;
import io.outbox.repository.ClaimRequest;
import io.outbox.repository.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a user sees when the store cannot be used, and what happens to a row the core cannot read. */
class StoreFailuresIT {
    private static final Instant T = Instant.parse("2025-01-31T08:00:00Z");

    @Test
    void givenDerbyStoreHeldByAnotherProcess_whenOpened_thenLockedErrorSaysWhatToDo() throws Exception {
        Path dir = Files.createTempDirectory("outbox-locked");
        String url = StoreConfig.embedded(dir).jdbcUrl();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldStore.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("open"));
            assertThat(line).as("the holder opened the store").isNotNull();

            assertThatThrownBy(() -> OutboxStore.open(StoreConfig.url(url)).close())
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("is open in another process")
                    .hasMessageContaining("close that one and try again");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        try (OutboxStore reopened = OutboxStore.open(StoreConfig.url(url))) {
            assertThat(reopened.repository().find(EventQuery.byStatus(EventStatus.PENDING))).isEmpty();
        }
    }

    @Test
    void givenNoServerOnPort_whenOpened_thenUnavailableErrorNamesTheStore() {
        assertThatThrownBy(() -> OutboxStore.open(StoreConfig.url("jdbc:postgresql://127.0.0.1:1/test?user=postgres"
                + "&password=s3cret&connectTimeout=2")).close())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("cannot reach the store jdbc:postgresql://127.0.0.1:1/test")
                .hasMessageContaining("check that the server runs")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void givenUrlOfUnsupportedDatabase_whenOpened_thenErrorListsWhatIsAccepted() {
        assertThatThrownBy(() -> OutboxStore.open(StoreConfig.url("jdbc:mysql://localhost/x")).close())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("no supported JDBC driver accepts 'jdbc:mysql://localhost/x'; accepted: jdbc:derby:DIR"
                        + " or jdbc:postgresql://HOST:PORT/DB");
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenRowTheCoreCannotRead_whenClaiming_thenSetAsideAsFailedAndOthersDelivered(Stores.Kind kind)
            throws Exception {
        try (Stores.Opened opened = Stores.open(kind)) {
            OutboxStore store = opened.store();
            OutboxEvent good = anEvent().createdAt(T).build();
            OutboxEvent corrupt = anEvent().createdAt(T.minusSeconds(1)).build();
            store.unitOfWork().write(work -> List.of(good, corrupt).forEach(work::record));
            try (Connection c = store.dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement("UPDATE outbox_event SET operation = 'upsert' WHERE id = ?")) {
                store.dialect().bindUuid(s, 1, corrupt.id());
                s.executeUpdate();
            }

            List<OutboxEvent> claimed = store.repository().claim(new ClaimRequest("w", 10, T.plusSeconds(5),
                    T.plus(Duration.ofMinutes(5)), Scope.everything().withEventTypes(Set.of(good.eventType())),
                    ClaimOrder.PRIORITY_FIRST));

            assertThat(claimed).extracting(OutboxEvent::id).containsExactly(good.id());
            OutboxEvent setAside = store.repository().findById(corrupt.id()).orElseThrow();
            assertThat(setAside.isFailedForGood()).isTrue();
            assertThat(setAside.errorMessage()).hasValueSatisfying(m -> assertThat(m)
                    .contains("stored event " + corrupt.id() + " is unreadable: unknown operation 'upsert'"));
        }
    }

    @Test
    void givenUnknownId_whenFound_thenEmptyNotAnError() throws Exception {
        try (Stores.Opened opened = Stores.open(Stores.Kind.DERBY)) {
            assertThat(opened.store().repository().findById(UUID.randomUUID())).isEmpty();
        }
    }
}
