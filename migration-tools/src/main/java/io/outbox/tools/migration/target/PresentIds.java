package io.outbox.tools.migration.target;

import io.outbox.jpa.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Finds which event ids an outbox table holds, with plain JDBC, a few hundred ids per query. Stateless. */
final class PresentIds {
    /** Derby compiles each IN list into code: keep the lists short, and always this long (one statement text, compiled once). */
    private static final int CHUNK = 200;
    private static final String SQL = "SELECT id FROM outbox_event WHERE id IN ("
            + String.join(", ", Collections.nCopies(CHUNK, "?")) + ")";

    private PresentIds() {
    }

    static Set<UUID> find(Connection connection, Dialect dialect, Collection<UUID> ids) throws SQLException {
        List<UUID> all = new ArrayList<>(ids);
        Set<UUID> present = new HashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            try (PreparedStatement statement = connection.prepareStatement(SQL)) {
                for (int i = 0; i < CHUNK; i++) {
                    dialect.bindUuid(statement, i + 1, chunk.get(Math.min(i, chunk.size() - 1))); // pad with the last id
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        present.add(dialect.readUuid(rows, "id"));
                    }
                }
            }
        }
        return present;
    }
}
