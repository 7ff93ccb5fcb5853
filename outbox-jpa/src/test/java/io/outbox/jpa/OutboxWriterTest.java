package io.outbox.jpa;

import io.outbox.InvalidConfigurationException;
import io.outbox.StoreUnavailableException;
import io.outbox.event.OutboxEvent;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.List;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What OutboxWriter and a store on a caller's DataSource refuse before they write anything. */
class OutboxWriterTest {
    private static final String H2 = "jdbc:h2:mem:notes;USER=app;PASSWORD=secret";

    @Test
    void givenConnectionToUnsupportedDatabase_whenRecorded_thenRefusedNamingItWithoutItsPassword() {
        assertThatThrownBy(() -> OutboxWriter.record(connectionTo(H2), anEvent().build()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("the connection is on jdbc:h2:mem:notes;USER=app;PASSWORD=***, a database this library "
                        + "does not support; supported: Derby (jdbc:derby:...) and PostgreSQL (jdbc:postgresql:...)");
    }

    @Test
    void givenNoEvents_whenRecorded_thenTheConnectionIsNotUsed() {
        Connection untouchable = fake(Connection.class, "none", null);

        OutboxWriter.record(untouchable, List.<OutboxEvent>of());
    }

    @Test
    void givenDataSourceOfUnsupportedDatabase_whenStoreOpened_thenRefusedBeforeAnythingIsMigrated() {
        assertThatThrownBy(() -> OutboxStore.open(StoreConfig.dataSource(dataSourceOf(H2))))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("the caller's DataSource is on jdbc:h2:mem:notes;USER=app;PASSWORD=***, "
                        + "a database this library does not support");
    }

    @Test
    void givenDataSourceConfig_whenCredentialsAdded_thenRefusedAsTheDataSourceLogsInItself() {
        StoreConfig config = StoreConfig.dataSource(dataSourceOf(H2));

        assertThatThrownBy(() -> config.withCredentials("app", "secret"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("takes no JDBC URL or credentials");
        assertThat(config.withPoolSize(2).withMigrations(MigrationSet.OUTBOX).dataSource()).isPresent();
        assertThat(config.redactedUrl()).isEqualTo("jdbc:h2:mem:notes;USER=app;PASSWORD=***");
    }

    /** A connection that answers only what the URL is: any other use fails the test. */
    private static Connection connectionTo(String url) {
        DatabaseMetaData metaData = fake(DatabaseMetaData.class, "getURL", url);
        return fake(Connection.class, "getMetaData", metaData);
    }

    private static DataSource dataSourceOf(String url) {
        return fake(DataSource.class, "getConnection", connectionTo(url));
    }

    /** An implementation of {@code type} whose method {@code name} returns {@code answer}, and close does nothing. */
    private static <T> T fake(Class<T> type, String name, Object answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals(name)) {
                return answer;
            }
            if (method.getName().equals("close")) {
                return null;
            }
            throw new AssertionError("not expected: " + method.getName());
        }));
    }
}
