package io.outbox.jpa.internal;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * What this module's own data sources share: nothing is logged through JDBC's writer or
 * java.util.logging, and a login timeout is their connections' own business. Stateless.
 */
abstract class QuietDataSource implements DataSource {
    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // nothing is logged through JDBC's writer
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the connections have their own
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging");
    }
}
