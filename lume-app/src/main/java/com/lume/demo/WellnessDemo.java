package com.lume.demo;

import com.lume.wellness.usecase.AddJournalCommand;
import com.lume.wellness.usecase.AddMoodCommand;
import com.lume.wellness.usecase.JournalUseCases;
import com.lume.wellness.usecase.MoodLinkChange;
import com.lume.wellness.usecase.MoodUseCases;
import com.lume.wellness.usecase.UpdateJournalCommand;
import com.lume.wellness.usecase.UpdateMoodCommand;
import io.outbox.cli.DemoCommand;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.repository.OutboxRepository;
import io.outbox.jpa.OutboxStore;
import io.outbox.testing.backend.Resource;
import io.outbox.testing.backend.StandInBackend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The Lume half of the demo: a seeded mix of local changes to moods and journals (some journals
 * linked to moods made in the same offline session), the check that the backend ended up holding
 * exactly the local entries, and the check that every linked journal reached it after its mood.
 * Reports name entries and fields, never their text. Not thread-safe.
 */
public final class WellnessDemo extends DemoCommand.SeededChanges {
    private static final String[] LABELS = {"calm", "tired", "grateful", "anxious", "focused", "happy", "sad"};
    private static final String[] TITLES = {"Morning pages", "After the run", "Evening", "A hard day", "Small wins"};
    private static final String[] LINES = {"Slept well and woke before the alarm.", "Walked by the river at noon.",
        "Talked with a friend for an hour.", "Too much coffee, too little water.", "Finished the chapter at last."};
    /** Stands for an absent value in the field maps (Map.of takes no nulls). */
    private static final Object NONE = new Object();

    private final MoodUseCases moods;
    private final JournalUseCases journals;
    private final List<UUID> liveMoods = new ArrayList<>();
    private final List<UUID> liveJournals = new ArrayList<>();
    /** Journals created linked to a mood that still link it, so their create carries the link. */
    private final Map<UUID, UUID> linked = new LinkedHashMap<>();
    private int moodAdds;
    private int journalAdds;
    private int linkedAdds;
    private int updates;
    private int deletes;

    public WellnessDemo(MoodUseCases moods, JournalUseCases journals, String user, long seed) {
        super(user, seed);
        this.moods = moods;
        this.journals = journals;
    }

    /** About half adds, a third updates, the rest deletes. */
    @Override
    protected void change(int roll, Instant date) {
        if (liveMoods.isEmpty() || roll < 28) {
            addMood(date);
        } else if (liveJournals.isEmpty() || roll < 52) {
            addJournal(date);
        } else if (roll < 67) {
            UUID id = pick(liveMoods);
            moods.update(new UpdateMoodCommand(user(), id, Optional.of(valence()),
                    random().nextBoolean() ? Optional.of(labels()) : Optional.empty(), Optional.empty(), false,
                    Optional.empty()));
            updates++;
        } else if (roll < 82) {
            UUID id = pick(liveJournals);
            journals.update(new UpdateJournalCommand(user(), id, Optional.of(pick(TITLES)),
                    Optional.of(pick(LINES) + " " + pick(LINES)), MoodLinkChange.keep(), Optional.empty()));
            updates++;
        } else if (roll < 91) {
            journals.delete(user(), liveJournals.remove(random().nextInt(liveJournals.size())));
            deletes++;
        } else {
            UUID mood = liveMoods.remove(random().nextInt(liveMoods.size()));
            moods.delete(user(), mood);
            linked.values().removeIf(mood::equals); // the delete unlinked them
            deletes++;
        }
    }

    private void addMood(Instant date) {
        Optional<String> note = random().nextInt(3) == 0 ? Optional.of(pick(LINES)) : Optional.empty();
        liveMoods.add(moods.add(new AddMoodCommand(user(), valence(), labels(), note, Optional.of(date))));
        moodAdds++;
    }

    private void addJournal(Instant date) {
        Optional<UUID> mood = !liveMoods.isEmpty() && random().nextInt(10) < 6 ? Optional.of(pick(liveMoods))
                : Optional.empty();
        UUID id = journals.add(new AddJournalCommand(user(), pick(TITLES), pick(LINES), mood, Optional.of(date)));
        liveJournals.add(id);
        mood.ifPresent(m -> {
            linked.put(id, m);
            linkedAdds++;
        });
        journalAdds++;
    }

    @Override
    protected String summary() {
        return (moodAdds + journalAdds + updates + deletes) + " local changes (" + moodAdds + " mood adds, "
                + journalAdds + " journal adds of which " + linkedAdds + " linked to a mood, " + updates + " updates, "
                + deletes + " deletes)";
    }

    @Override
    public StandInBackend.Options backend(StandInBackend.Options options) {
        return options.withValidator(WellnessContract.MOODS, WellnessContract.moodBody())
                .withValidator(WellnessContract.JOURNALS, WellnessContract.journalBody());
    }

    @Override
    public DemoCommand.Comparison compare(StandInBackend backend) {
        return new DemoCommand.Comparison(differences(backend.resources(WellnessContract.MOODS),
                backend.resources(WellnessContract.JOURNALS), backend.createsPerClientId(WellnessContract.MOODS),
                backend.createsPerClientId(WellnessContract.JOURNALS)), liveCounts());
    }

    @Override
    public List<DemoCommand.Check> checks(StandInBackend backend, OutboxStore store) {
        return List.of(new DemoCommand.Check("every linked journal arrived after its mood",
                linkOrderProblems(backend.journal(), store.repository()), linked.size() + " linked journals checked"));
    }

    private String liveCounts() {
        return liveMoods.size() + " moods, " + liveJournals.size() + " journals";
    }

    /** Mismatches between the local entries and the backend's; empty when they are equal. */
    private List<String> differences(Map<String, Resource> backendMoods, Map<String, Resource> backendJournals,
                                    Map<String, Integer> moodCreates, Map<String, Integer> journalCreates) {
        List<String> problems = new ArrayList<>();
        List<MoodUseCases.MoodView> localMoods = moods.list(user());
        for (MoodUseCases.MoodView mood : localMoods) {
            compare("mood", mood.id(), Map.of("valence", mood.valence(), "labels", mood.labels(),
                    "note", mood.note().map(Object.class::cast).orElse(NONE), "date", mood.date().toString()),
                    backendMoods, problems);
        }
        List<JournalUseCases.JournalView> localJournals = journals.list(user());
        for (JournalUseCases.JournalView journal : localJournals) {
            compare("journal", journal.id(), Map.of("title", journal.title(), "content", journal.content(),
                    "mood_client_id", journal.moodId().map(m -> (Object) m.toString()).orElse(NONE),
                    "date", journal.date().toString()), backendJournals, problems);
        }
        count("moods", backendMoods.size(), localMoods.size(), problems);
        count("journals", backendJournals.size(), localJournals.size(), problems);
        twice("mood", moodCreates, problems);
        twice("journal", journalCreates, problems);
        return problems;
    }

    /**
     * Whether each linked journal's first POST came after its mood's create was acted on, from the
     * stand-in's journal of requests (in the order it decided them) and the outbox's event ids.
     */
    private List<String> linkOrderProblems(List<io.outbox.testing.backend.JournalEntry> requests,
                                          OutboxRepository outbox) {
        List<String> problems = new ArrayList<>();
        linked.forEach((journal, mood) -> {
            int moodCreated = index(requests, createEvent(outbox, mood), true);
            int journalSent = index(requests, createEvent(outbox, journal), false);
            if (moodCreated < 0 || journalSent < 0) {
                problems.add("journal " + journal + " or its mood " + mood + " never reached the backend");
            } else if (journalSent < moodCreated) {
                problems.add("journal " + journal + " was sent before its mood " + mood + " was created");
            }
        });
        return problems;
    }

    private static void compare(String kind, UUID id, Map<String, Object> local, Map<String, Resource> backend,
                                List<String> problems) {
        Optional<Resource> remote = backend.values().stream().filter(r -> r.clientId().equals(id.toString()))
                .findFirst();
        if (remote.isEmpty()) {
            problems.add(kind + " " + id + " is missing at the backend");
            return;
        }
        List<String> differing = new ArrayList<>();
        local.forEach((field, value) -> {
            Object theirs = remote.get().body().get(field);
            boolean same = value == NONE ? theirs == null
                    : value instanceof Double d ? theirs instanceof Number n && n.doubleValue() == d
                    : Objects.equals(value, theirs);
            if (!same) {
                differing.add(field);
            }
        });
        if (!differing.isEmpty()) {
            problems.add(kind + " " + id + " differs at the backend in " + String.join(", ", differing));
        }
    }

    private static void count(String kind, int backend, int local, List<String> problems) {
        if (backend != local) {
            problems.add("the backend holds " + backend + " " + kind + ", the app " + local);
        }
    }

    private static void twice(String kind, Map<String, Integer> creates, List<String> problems) {
        creates.forEach((client, n) -> {
            if (n > 1) {
                problems.add(kind + " " + client + " was created " + n + " times at the backend");
            }
        });
    }

    private static Optional<String> createEvent(OutboxRepository outbox, UUID entity) {
        return outbox.findByEntity(entity.toString()).stream().filter(e -> e.operation() == Operation.CREATE)
                .map(OutboxEvent::id).map(UUID::toString).findFirst();
    }

    /** The first POST of the key (acted on, if asked), or -1. */
    private static int index(List<io.outbox.testing.backend.JournalEntry> requests, Optional<String> key,
                             boolean acted) {
        for (int i = 0; key.isPresent() && i < requests.size(); i++) {
            io.outbox.testing.backend.JournalEntry r = requests.get(i);
            if (r.method().equals("POST") && r.idempotencyKey().equals(key) && (!acted || r.acted())) {
                return i;
            }
        }
        return -1;
    }

    private String valence() {
        return String.format(Locale.ROOT, "%.2f", random().nextInt(201) / 100.0 - 1);
    }

    private List<String> labels() {
        List<String> labels = new ArrayList<>();
        int n = random().nextInt(3);
        for (int i = 0; i < n; i++) {
            String label = pick(LABELS);
            if (!labels.contains(label)) {
                labels.add(label);
            }
        }
        return labels;
    }

    private <T> T pick(List<T> values) {
        return values.get(random().nextInt(values.size()));
    }

    private String pick(String[] values) {
        return values[random().nextInt(values.length)];
    }
}
