package io.outbox.tools.migration.cli;

import io.outbox.tools.migration.fixture.LegacyFixture;
import io.outbox.tools.migration.jdbc.DerbyDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The migration contract on embedded Derby (the default store), plus what only an embedded store does: lock. */
class DerbyMigrationIT extends MigrationContract {
    @TempDir
    Path dir;

    private final List<String> opened = new ArrayList<>();

    @Override
    String newDatabase(String name) {
        String url = "jdbc:derby:" + dir.resolve(name + "-" + opened.size()) + ";create=true";
        opened.add(url);
        return url;
    }

    @Override
    LegacyFixture.Store store() {
        return LegacyFixture.Store.DERBY;
    }

    @Override
    Path scratch() {
        return dir;
    }

    @AfterEach
    void shutDown() {
        opened.forEach(DerbyDatabases::shutDown);
    }

    @Test
    void givenStoreOpenInAnotherProcess_whenMigrated_thenExit3WithTheLockedMessageAndNothingWritten() throws SQLException {
        String before = Databases.with(source, c -> LegacyFixture.checksum(c, TABLE));
        try (Connection holder = DriverManager.getConnection(source);
             JarRun run = JarRun.start(dir, List.of(), "migrate", "--source", source)) {
            assertThat(holder.isValid(1)).isTrue();
            assertThat(run.await(Duration.ofSeconds(90))).isEqualTo(3);
            assertThat(run.err().strip().split("\\R")).singleElement().asString()
                    .contains("open in another process");
            assertThat(run.out()).isEmpty();
        }
        DerbyDatabases.shutDown(source);
        assertThat(Databases.tables(source)).containsExactly(TABLE);
        String after = Databases.with(source, c -> LegacyFixture.checksum(c, TABLE));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void givenDerbyPathWithoutDatabase_whenMigrated_thenExit3SayingThereIsNone() {
        CliRun run = CliRun.of("migrate", "--source", "jdbc:derby:" + dir.resolve("nothing-here"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString().contains("no database");
    }

    @Test
    void givenUrlNoDriverAccepts_whenMigrated_thenExit3() {
        CliRun run = CliRun.of("migrate", "--source", "jdbc:nosuchdb://x/y");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString().contains("no JDBC driver accepts");
    }
}
