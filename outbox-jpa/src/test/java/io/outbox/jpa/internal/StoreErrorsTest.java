package io.outbox.jpa.internal;

import io.outbox.OutboxException;
import io.outbox.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import java.sql.SQLNonTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The one line a user reads about a store failure names what went wrong, never a Java class. */
class StoreErrorsTest {
    @Test
    void givenDerbyClientRefusedConnection_whenTranslated_thenTheLineSaysWhatHappenedWithoutTheExceptionsName() {
        // the message Derby's network client gives when nothing listens on the port
        SQLNonTransientConnectionException refused = new SQLNonTransientConnectionException("java.net.ConnectException"
                + " : Error connecting to server 127.0.0.1 on port 1 with message Connection refused.", "08001");

        OutboxException translated = StoreErrors.translate(refused, "jdbc:derby://127.0.0.1:1/x");

        assertThat(translated).isInstanceOf(StoreUnavailableException.class);
        assertThat(translated.getMessage()).contains("Error connecting to server 127.0.0.1 on port 1")
                .doesNotContain("Exception");
    }

    @Test
    void givenMessageThatOnlyMentionsAnError_whenShortened_thenKeptWhole() {
        assertThat(StoreErrors.firstLine(new IllegalStateException("Error 42: disk full\nsecond line")))
                .isEqualTo("Error 42: disk full");
    }
}
