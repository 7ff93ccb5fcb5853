package io.outbox.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleLoggingTest {
    @Test
    void givenAWarningWithArguments_whenLaidOut_thenItIsOneLineAsThePatternPrintedIt() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("io.outbox.jpa.OutboxStore", context.getLogger("io.outbox.jpa.OutboxStore"),
                Level.WARN, "store {} slow: {} ms", new IllegalStateException("not printed"), new Object[] {"a", 12});
        event.setTimeStamp(LocalDateTime.of(2026, 12, 7, 8, 5, 3).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());

        String line = new ConsoleLogging.Line().doLayout(event);

        assertThat(line).isEqualTo("08:05:03 WARN  OutboxStore - store a slow: 12 ms" + System.lineSeparator());
    }

    @Test
    void givenAnErrorOfARootLogger_whenLaidOut_thenTheLevelFillsItsColumn() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("Root", context.getLogger("ROOT"), Level.ERROR, "down", null, null);
        event.setTimeStamp(LocalDateTime.of(2026, 12, 7, 23, 59, 59).atZone(ZoneId.systemDefault()).toInstant()
                .toEpochMilli());

        assertThat(new ConsoleLogging.Line().doLayout(event)).isEqualTo("23:59:59 ERROR ROOT - down" + System.lineSeparator());
    }
}
