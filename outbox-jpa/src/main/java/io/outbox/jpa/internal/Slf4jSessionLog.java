package io.outbox.jpa.internal;

import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes EclipseLink's log to SLF4J (EclipseLink would otherwise print to standard out). Thread-safe. */
public final class Slf4jSessionLog extends AbstractSessionLog {
    private static final Logger log = LoggerFactory.getLogger("org.eclipse.persistence");

    public Slf4jSessionLog() {
        setLevel(SessionLog.WARNING);
    }

    @Override
    public void log(SessionLogEntry entry) {
        String message = formatMessage(entry);
        Throwable thrown = entry.getException();
        switch (entry.getLevel()) {
            case SessionLog.SEVERE -> log.error(message, thrown);
            case SessionLog.WARNING -> log.warn(message, thrown);
            case SessionLog.INFO, SessionLog.CONFIG -> log.debug(message, thrown);
            default -> log.trace(message, thrown);
        }
    }

    @Override
    public boolean shouldLog(int level, String category) {
        return level >= SessionLog.WARNING || log.isDebugEnabled();
    }
}
