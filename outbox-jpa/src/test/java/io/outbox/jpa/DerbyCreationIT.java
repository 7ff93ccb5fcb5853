package io.outbox.jpa;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Found by the migrate kill campaign (seed -906843431349558590, round 2: SIGKILL 604 ms after
 * start, while Derby created the target): a database killed mid-creation is a directory Derby
 * can neither boot nor create again, so every rerun failed with exit 3.
 */
class DerbyCreationIT {

    @Test
    void givenDirectoryLeftByACreationCutOff_whenDerbyCreatesInPlace_thenItFailsForGood(@TempDir Path dir)
            throws Exception {
        Path half = Files.createDirectories(dir.resolve("half").resolve("seg0"));
        Files.writeString(half.resolveSibling("README_DO_NOT_TOUCH_FILES.txt"), "");

        // the failure the fix keeps away: why a store must never be created in place
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:derby:" + half.getParent() + ";create=true"))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void givenNewStore_whenCreatedAtomically_thenWholeAtItsPathAndNothingLeftBeside(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("data").resolve("store");

        DerbyCreation.createAtomically("jdbc:derby:" + store + ";create=true");

        assertThat(store.resolve("service.properties")).isRegularFile();
        try (Stream<Path> beside = Files.list(store.getParent())) {
            assertThat(beside.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".creating-"));
        }
        try (OutboxStore opened = OutboxStore.open(StoreConfig.url("jdbc:derby:" + store + ";create=true"))) {
            try (Connection c = opened.dataSource().getConnection(); Statement s = c.createStatement();
                 var rows = s.executeQuery("SELECT COUNT(*) FROM outbox_event")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isZero();
            }
        }
    }

    @Test
    void givenLeftoverOfAKilledCreationBeside_whenCreatedAgain_thenTheStoreIsMadeAndUsable(@TempDir Path dir)
            throws Exception {
        Path store = dir.resolve("store");
        Files.createDirectories(dir.resolve("store.creating-killed").resolve("seg0"));

        try (OutboxStore opened = OutboxStore.open(StoreConfig.url("jdbc:derby:" + store + ";create=true"))) {
            try (Connection c = opened.dataSource().getConnection(); Statement s = c.createStatement();
                 var rows = s.executeQuery("SELECT COUNT(*) FROM outbox_event")) {
                assertThat(rows.next()).isTrue();
            }
        }
        assertThat(store.resolve("service.properties")).isRegularFile();
    }

    @Test
    void givenExistingStoreOrNoCreateAttribute_whenAsked_thenNothingDone(@TempDir Path dir) {
        Path absent = dir.resolve("absent");

        DerbyCreation.createAtomically("jdbc:derby:" + absent);
        DerbyCreation.createAtomically("jdbc:derby:memory:x;create=true");

        assertThat(absent).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
