package com.fitiq.demo;

import com.fitiq.progress.usecase.AddProgressCommand;
import com.fitiq.progress.usecase.ProgressUseCases;
import com.fitiq.progress.usecase.UpdateProgressCommand;
import io.outbox.cli.DemoCommand;
import io.outbox.testing.backend.Resource;
import io.outbox.testing.backend.StandInBackend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The FitIQ half of the demo: a seeded mix of local changes, and the check that the
 * backend ended up holding exactly the local entries. Not thread-safe.
 */
public final class ProgressDemo extends DemoCommand.SeededChanges {
    private static final String RESOURCE = "progress";

    private static final String[][] TYPES = {{"weight", "60", "95"}, {"steps", "0", "20000"},
            {"heart_rate", "45", "180"}, {"body_fat", "8", "35"}, {"height", "150", "200"}};

    private final ProgressUseCases useCases;
    private final List<UUID> live = new ArrayList<>();
    private int adds;
    private int updates;
    private int deletes;

    public ProgressDemo(ProgressUseCases useCases, String user, long seed) {
        super(user, seed);
        this.useCases = useCases;
    }

    /** About 60 % adds, 25 % updates, 15 % deletes. */
    @Override
    protected void change(int roll, Instant date) {
        if (live.isEmpty() || roll < 60) {
            String[] type = TYPES[random().nextInt(TYPES.length)];
            live.add(useCases.add(new AddProgressCommand(user(), type[0], quantity(type), Optional.empty(),
                    Optional.of(date))));
            adds++;
        } else if (roll < 85) {
            UUID id = live.get(random().nextInt(live.size()));
            String type = useCases.list(user()).stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow()
                    .type();
            useCases.update(new UpdateProgressCommand(user(), id, Optional.of(quantity(typeRow(type))),
                    Optional.empty()));
            updates++;
        } else {
            useCases.delete(user(), live.remove(random().nextInt(live.size())));
            deletes++;
        }
    }

    @Override
    protected String summary() {
        return (adds + updates + deletes) + " local changes (" + adds + " adds, " + updates + " updates, " + deletes
                + " deletes)";
    }

    @Override
    public DemoCommand.Comparison compare(StandInBackend backend) {
        return new DemoCommand.Comparison(differences(backend.resources(RESOURCE), backend.createsPerClientId(RESOURCE)),
                live.size() + " entries");
    }

    /** Mismatches between the local entries and the backend's; empty when they are equal. */
    private List<String> differences(Map<String, Resource> backend, Map<String, Integer> createsPerClient) {
        List<String> problems = new ArrayList<>();
        List<ProgressUseCases.EntryView> local = useCases.list(user());
        for (ProgressUseCases.EntryView entry : local) {
            Optional<Resource> remote = backend.values().stream()
                    .filter(r -> r.clientId().equals(entry.id().toString())).findFirst();
            if (remote.isEmpty()) {
                problems.add("entry " + entry.id() + " is missing at the backend");
            } else if (!same(entry, remote.get().body())) {
                problems.add("entry " + entry.id() + " differs: local " + entry.quantity() + ", backend "
                        + remote.get().body().get("quantity"));
            }
        }
        if (backend.size() != local.size()) {
            problems.add("the backend holds " + backend.size() + " entries, the app " + local.size());
        }
        createsPerClient.forEach((client, creates) -> {
            if (creates > 1) {
                problems.add("entry " + client + " was created " + creates + " times at the backend");
            }
        });
        return problems;
    }

    private static boolean same(ProgressUseCases.EntryView entry, Map<String, Object> body) {
        return entry.type().equals(body.get("type")) && entry.unit().equals(body.get("unit"))
                && body.get("quantity") instanceof Number n && n.doubleValue() == entry.quantity()
                && entry.date().toString().equals(body.get("date"));
    }

    private String quantity(String[] type) {
        int low = Integer.parseInt(type[1]);
        int high = Integer.parseInt(type[2]);
        int whole = low + random().nextInt(high - low + 1);
        return type[0].equals("steps") || type[0].equals("heart_rate") ? String.valueOf(whole)
                : whole + "." + random().nextInt(10);
    }

    private static String[] typeRow(String type) {
        for (String[] row : TYPES) {
            if (row[0].equals(type)) {
                return row;
            }
        }
        throw new IllegalArgumentException("unknown type " + type);
    }
}
