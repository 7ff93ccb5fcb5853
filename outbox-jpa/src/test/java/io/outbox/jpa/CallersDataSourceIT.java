package io.outbox.jpa;

import com.zaxxer.hikari.HikariDataSource;
import io.outbox.StoreLockedException;
import io.outbox.jpa.support.PostgresSchema;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A store on a caller's DataSource: how it names itself, and who may process it. */
class CallersDataSourceIT {

    @Test
    void givenCallersEmbeddedDerby_whenProcessingLocked_thenOneProcessorAtATime() throws Exception {
        Path database = Files.createTempDirectory("outbox-callers").resolve("store");
        try (HikariDataSource dataSource = pool("jdbc:derby:" + database + ";create=true")) {
            try (OutboxStore store = OutboxStore.open(StoreConfig.dataSource(dataSource))) {
                assertThat(store.exclusive()).isTrue();
                assertThat(store.description()).isEqualTo("jdbc:derby:" + database);

                try (OutboxStore.Held first = store.lockProcessing("a first processor")) {
                    assertThatThrownBy(() -> store.lockProcessing("a second processor"))
                            .isInstanceOf(StoreLockedException.class)
                            .hasMessageStartingWith("a second processor already runs on the store " + database);
                }
                store.lockProcessing("a third processor").close();
            }
        } finally {
            DerbyCreation.shutDown("jdbc:derby:" + database, null, null);
        }
    }

    @Test
    void givenCallersPostgres_whenOpened_thenNamedByItsUrlWithoutPasswordAndSharedThroughClaims() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("outbox_callers");
             HikariDataSource dataSource = pool(schema.url() + "&password=secret");
             OutboxStore store = OutboxStore.open(StoreConfig.dataSource(dataSource))) {
            assertThat(store.description()).contains("currentSchema=" + schema.name(), "password=***")
                    .doesNotContain("secret");
            assertThat(store.dataSource()).isSameAs(dataSource);
            assertThat(store.exclusive()).isFalse();
            store.lockProcessing("a first processor");
            store.lockProcessing("a second processor").close(); // PostgreSQL shares the work through claims
        }
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        return dataSource;
    }
}
