package io.outbox.jpa;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A store config may be logged: neither its URL's password nor its credential's shows. */
class StoreConfigTest {
    @Test
    void givenPasswordsInTheUrlAndTheCredential_whenPrinted_thenNeitherShows() {
        StoreConfig config = StoreConfig.url("jdbc:postgresql://db:5432/app?user=svc&password=url-secret")
                .withCredentials("svc", "cred-secret")
                .withMigrations(MigrationSet.named("notes"))
                .withEntities(List.of(StoreConfigTest.class));

        assertThat(config.toString())
                .doesNotContain("url-secret").doesNotContain("cred-secret")
                .contains("jdbc:postgresql://db:5432/app?user=svc&password=***", "user=svc", "password=***",
                        "migrations=[notes]", "entityClasses=[StoreConfigTest]", "poolSize=4");
        assertThat(config.redactedUrl()).isEqualTo("jdbc:postgresql://db:5432/app?user=svc&password=***");
    }

    @Test
    void givenNoCredential_whenPrinted_thenItSaysSo() {
        assertThat(StoreConfig.url("jdbc:derby:/tmp/x;create=true").toString())
                .contains("jdbc:derby:/tmp/x;create=true", "user=(none)", "password=(none)");
    }
}
