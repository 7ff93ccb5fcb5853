package io.outbox.jpa.support;

import io.outbox.jpa.internal.DerbyServer;
import io.outbox.jpa.internal.StoreCredential;
import io.outbox.jpa.support.cli.Say;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A process that owns an embedded store and serves it, for tests: boots the Derby database at
 * args[0] (made with one table and one row when new) with authentication on, serves it, says
 * "serving PORT" on stdout and holds it until stdin closes or it is killed.
 */
public final class ServeStore {
    private ServeStore() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        Path database = Path.of(args[0]).toAbsolutePath();
        DerbyServer.requireAuthentication();
        StoreCredential credential = StoreCredential.loadOrCreate(database);
        DerbyServer.allow(credential);
        try (Connection connection = DriverManager.getConnection("jdbc:derby:" + database + ";create=true",
                credential.user(), credential.password()); Statement statement = connection.createStatement()) {
            if (!connection.getMetaData().getTables(null, null, "NOTE", null).next()) {
                statement.executeUpdate("CREATE TABLE note (text VARCHAR(100))");
                statement.executeUpdate("INSERT INTO note VALUES ('served')");
            }
        }
        try (DerbyServer server = DerbyServer.start(database, credential).orElseThrow()) {
            Say.line("serving " + server.file().port());
            while (System.in.read() >= 0) {
                // serve until the parent closes our stdin or kills us
            }
        }
    }
}
