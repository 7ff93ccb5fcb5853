package io.outbox.tools.migration.cli;

import io.outbox.jpa.support.PostgresSchema;
import io.outbox.tools.migration.fixture.LegacyFixture;
import io.outbox.tools.migration.jdbc.DerbyDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The migration contract on PostgreSQL (a copied store in a private schema), plus an unreachable server and a cross-store run. */
class PostgresMigrationIT extends MigrationContract {
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/test?user=postgres";

    @TempDir
    Path dir;

    private final List<PostgresSchema> schemas = new ArrayList<>();

    @Override
    String newDatabase(String name) {
        PostgresSchema schema = PostgresSchema.create("migration_" + name);
        schemas.add(schema);
        return schema.url();
    }

    @Override
    LegacyFixture.Store store() {
        return LegacyFixture.Store.POSTGRESQL;
    }

    @Override
    Path scratch() {
        return dir;
    }

    @AfterEach
    void dropSchemas() {
        schemas.forEach(PostgresSchema::close);
    }

    @Test
    void givenUnreachableSource_whenMigrated_thenExit3InOneLine() {
        CliRun run = CliRun.of("migrate", "--source", UNREACHABLE);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString().contains("cannot reach").contains("127.0.0.1:1");
    }

    @Test
    void givenUnreachableTarget_whenMigrated_thenExit3AndTheSourceUntouched() {
        CliRun run = CliRun.of("migrate", "--source", source, "--target", UNREACHABLE);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString().contains("127.0.0.1:1");
        assertThat(Databases.tables(source)).containsExactly(TABLE);
    }

    @Test
    void givenPostgresSource_whenMigratedIntoDerby_thenTheEventsAreThere() {
        String derby = "jdbc:derby:" + dir.resolve("derby-target") + ";create=true";
        try {
            CliRun run = CliRun.of("migrate", "--source", source, "--target", derby, "--report", report("r.json"));
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(Databases.count(derby, "outbox_event")).isEqualTo(fixture.migrated(Optional.empty()).size());
        } finally {
            DerbyDatabases.shutDown(derby);
        }
    }
}
