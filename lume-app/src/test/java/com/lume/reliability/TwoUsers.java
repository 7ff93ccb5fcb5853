package com.lume.reliability;

import com.lume.wellness.usecase.AddJournalCommand;
import com.lume.wellness.usecase.AddMoodCommand;
import com.lume.wellness.usecase.MoodLinkChange;
import com.lume.wellness.usecase.UpdateJournalCommand;
import com.lume.wellness.usecase.UpdateMoodCommand;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Seeded random entries of two users in one store, written through Lume's use cases: moods with
 * labels and notes, journals (some linked to the user's own moods, one the backend will reject),
 * and updates of some of them. Every text carries its user's marker, so a leak shows in any
 * output. Immutable once written.
 */
final class TwoUsers {
    static final String ALICE = "alice";
    static final String BOB = "bob";
    private static final List<String> LABELS = List.of("calm", "tired", "hopeful", "anxious", "grateful", "busy");
    private static final Instant START = Instant.parse("2025-02-01T07:00:00Z");

    /** What one user has: ids of moods and journals, the marker in their texts, the journal to be rejected. */
    record Entries(String user, String marker, List<String> moods, List<String> journals, String rejectedJournal) {
        Entries {
            moods = List.copyOf(moods);
            journals = List.copyOf(journals);
        }

        Set<String> all() {
            Set<String> all = new HashSet<>(moods);
            all.addAll(journals);
            return all;
        }
    }

    private final Map<String, Entries> users;

    private TwoUsers(Map<String, Entries> users) {
        this.users = Map.copyOf(users);
    }

    Entries alice() {
        return users.get(ALICE);
    }

    Entries bob() {
        return users.get(BOB);
    }

    /** Writes 2 to 5 moods and 2 to 5 journals (plus the rejected one) for each user, and updates some. */
    static TwoUsers write(Path dataDir, Random random) {
        Map<String, Entries> users = new java.util.HashMap<>();
        InProcessLume.write(dataDir, Clock.systemUTC(), (moodCases, journalCases) -> {
            for (String user : List.of(ALICE, BOB)) {
                String marker = user.toUpperCase(Locale.ROOT) + "MARK" + Long.toHexString(random.nextLong());
                List<String> moods = new ArrayList<>();
                List<String> journals = new ArrayList<>();
                int n = 2 + random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    String valence = String.format(Locale.ROOT, "%.2f", random.nextInt(201) / 100.0 - 1);
                    moods.add(moodCases.add(new AddMoodCommand(user, valence, labels(random),
                            random.nextBoolean() ? Optional.of(marker + " felt " + i) : Optional.empty(),
                            Optional.of(START.plusSeconds(60L * i)))).toString());
                }
                int m = 2 + random.nextInt(4);
                for (int i = 0; i < m; i++) {
                    Optional<UUID> link = random.nextBoolean()
                            ? Optional.of(UUID.fromString(moods.get(random.nextInt(moods.size())))) : Optional.empty();
                    journals.add(journalCases.add(new AddJournalCommand(user, marker + " day " + i, "Dear diary, "
                            + marker + " wrote " + i, link, Optional.of(START.plusSeconds(3600L + i)))).toString());
                }
                String rejected = journalCases.add(new AddJournalCommand(user, "Rejected " + marker, marker
                        + " the backend refuses", Optional.empty(), Optional.of(START))).toString();
                for (String mood : moods) {
                    if (random.nextInt(3) == 0) {
                        moodCases.update(new UpdateMoodCommand(user, UUID.fromString(mood), Optional.of("0.5"),
                                Optional.empty(), Optional.of(marker + " changed"), false, Optional.empty()));
                    }
                }
                for (String journal : journals) {
                    if (random.nextInt(3) == 0) {
                        journalCases.update(new UpdateJournalCommand(user, UUID.fromString(journal), Optional.empty(),
                                Optional.of(marker + " rewrote"), MoodLinkChange.keep(),
                                Optional.empty()));
                    }
                }
                journals.add(rejected);
                users.put(user, new Entries(user, marker, moods, journals, rejected));
            }
        });
        return new TwoUsers(users);
    }

    private static List<String> labels(Random random) {
        List<String> labels = new ArrayList<>();
        for (String label : LABELS) {
            if (random.nextInt(4) == 0) {
                labels.add(label);
            }
        }
        return labels;
    }
}
