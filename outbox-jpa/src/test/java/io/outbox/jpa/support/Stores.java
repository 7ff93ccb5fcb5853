package io.outbox.jpa.support;

import io.outbox.jpa.MigrationSet;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test stores of both kinds, each fresh: a Derby store in a temp directory, or a private PostgreSQL schema. */
public final class Stores {
    public static final MigrationSet TEST_APP = MigrationSet.named("testapp");

    private Stores() {
    }

    public enum Kind { DERBY, POSTGRESQL }

    /** An open store and whatever must be removed after it. */
    public record Opened(OutboxStore store, String url, AutoCloseable cleanup) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            store.close();
            cleanup.close();
        }
    }

    public static String freshUrl(Kind kind, List<AutoCloseable> cleanups) {
        if (kind == Kind.DERBY) {
            try {
                Path dir = Files.createTempDirectory("outbox-it");
                return StoreConfig.embedded(dir).jdbcUrl();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        PostgresSchema schema = PostgresSchema.create("outbox_it");
        cleanups.add(schema);
        return schema.url();
    }

    /** A fresh store with the test app's entity and migrations on top of the outbox's. */
    public static Opened open(Kind kind) {
        List<AutoCloseable> cleanups = new java.util.ArrayList<>();
        String url = freshUrl(kind, cleanups);
        OutboxStore store = OutboxStore.open(config(url));
        return new Opened(store, url, () -> {
            for (AutoCloseable c : cleanups) {
                c.close();
            }
        });
    }

    public static StoreConfig config(String url) {
        return StoreConfig.url(url).withMigrations(TEST_APP).withEntities(List.of(TestNote.class));
    }
}
