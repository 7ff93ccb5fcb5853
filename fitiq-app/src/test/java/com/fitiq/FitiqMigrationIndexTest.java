package com.fitiq;

import io.outbox.jpa.support.MigrationIndexes;
import org.junit.jupiter.api.Test;

/** The index beside each of FitIQ's migration folders names exactly its files. */
class FitiqMigrationIndexTest {
    @Test
    void givenTheMigrationFolders_whenIndexed_thenEachIndexNamesExactlyTheirFiles() throws Exception {
        MigrationIndexes.assertTrue("db/fitiq");
    }
}
