package com.lume;

import io.outbox.jpa.support.MigrationIndexes;
import org.junit.jupiter.api.Test;

/** The index beside each of Lume's migration folders names exactly its files. */
class LumeMigrationIndexTest {
    @Test
    void givenTheMigrationFolders_whenIndexed_thenEachIndexNamesExactlyTheirFiles() throws Exception {
        MigrationIndexes.assertTrue("db/lume");
    }
}
