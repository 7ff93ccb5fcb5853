package io.outbox.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** Captures what the {@code io.outbox} loggers write at debug and above, for tests that check what is never logged. */
public final class CapturedLogs implements AutoCloseable {
    private final Logger logger;
    private final Level levelBefore;
    private final boolean additiveBefore;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLogs(String name) {
        logger = (Logger) LoggerFactory.getLogger(name);
        levelBefore = logger.getLevel();
        additiveBefore = logger.isAdditive();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
    }

    public static CapturedLogs ofOutbox() {
        return new CapturedLogs("io.outbox");
    }

    /** Every message so far, formatted, with the messages of attached exceptions. */
    public synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            StringBuilder line = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(levelBefore);
        logger.setAdditive(additiveBefore);
        appender.stop();
    }
}
