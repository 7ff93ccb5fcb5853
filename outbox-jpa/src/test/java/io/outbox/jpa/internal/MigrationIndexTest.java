package io.outbox.jpa.internal;

import io.outbox.jpa.support.MigrationIndexes;
import org.junit.jupiter.api.Test;

/** The index beside each of outbox's migration folders names exactly its files. */
class MigrationIndexTest {
    @Test
    void givenTheMigrationFolders_whenIndexed_thenEachIndexNamesExactlyTheirFiles() throws Exception {
        MigrationIndexes.assertTrue("db/outbox");
    }
}
