package io.outbox.jpa.support;

import io.outbox.jpa.support.cli.Say;

import javax.management.MBeanServerFactory;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A process for tests: boots Derby on the database at args[0] (made when new), with whatever
 * system home the caller set, and says how many MBean servers this JVM then has.
 */
public final class BootWithHome {
    private BootWithHome() {
    }

    public static void main(String[] args) throws SQLException {
        DriverManager.getConnection("jdbc:derby:" + args[0] + ";create=true").close();
        Say.line("mbean servers " + MBeanServerFactory.findMBeanServer(null).size());
    }
}
