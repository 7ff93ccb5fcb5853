package com.lume.reliability;

import com.lume.wellness.usecase.AddJournalCommand;
import com.lume.wellness.usecase.AddMoodCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The hostile-input campaign's starting store: three moods and three journals of alice's (the
 * second journal linked to the second mood; the first of each is what inputs aim at) and a mood of
 * bob's, written once and copied for each lane or test. Immutable.
 *
 * @param moods    alice's mood ids, oldest first
 * @param journals alice's journal ids, oldest first
 */
record SeededStore(Path dataDir, List<String> moods, List<String> journals) {
    SeededStore {
        moods = List.copyOf(moods);
        journals = List.copyOf(journals);
    }

    /** Writes the entries through Lume's use cases, their events stamped by {@code clock}. */
    static SeededStore write(Path dataDir, Clock clock) {
        List<String> moods = new ArrayList<>();
        List<String> journals = new ArrayList<>();
        InProcessLume.write(dataDir, clock, (moodCases, journalCases) -> {
            Instant at = clock.instant();
            for (int i = 0; i < 3; i++) {
                moods.add(moodCases.add(new AddMoodCommand("alice", String.valueOf(0.25 * i), List.of("calm"),
                        Optional.of("note " + i), Optional.of(at.plusSeconds(i)))).toString());
            }
            for (int i = 0; i < 3; i++) {
                Optional<UUID> link = i == 1 ? Optional.of(UUID.fromString(moods.get(1))) : Optional.empty();
                journals.add(journalCases.add(new AddJournalCommand("alice", "Day " + i, "Words " + i, link,
                        Optional.of(at.plusSeconds(10 + i)))).toString());
            }
            moodCases.add(new AddMoodCommand("bob", "-0.5", List.of(), Optional.of("bob's"), Optional.of(at)));
        });
        return new SeededStore(dataDir, moods, journals);
    }

    /** The same store, copied file by file (Derby's files, released) to {@code to}. */
    SeededStore copyTo(Path to) {
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(dataDir.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
            return new SeededStore(to, moods, journals);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
