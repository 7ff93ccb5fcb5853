package com.fitiq.progress.service;

import com.fitiq.progress.EntryDates;
import com.fitiq.progress.InvalidEntryException;
import com.fitiq.progress.ProgressEntry;
import com.fitiq.progress.ProgressEvents;
import com.fitiq.progress.ProgressType;
import com.fitiq.progress.usecase.AddProgressCommand;
import com.fitiq.progress.usecase.ProgressEntries;
import com.fitiq.progress.usecase.ProgressUseCases;
import io.outbox.sync.SyncStates;
import io.outbox.sync.SyncedChanges;
import io.outbox.sync.Transactor;
import com.fitiq.progress.usecase.UpdateProgressCommand;
import io.outbox.event.Priority;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** FitIQ's use cases: validate, write the entry and its outbox event together. Thread-safe. */
public final class ProgressService implements ProgressUseCases {
    private final SyncedChanges<ProgressEntry> changes;
    private final Clock clock;

    @Inject
    public ProgressService(ProgressEntries entries, Transactor transactor, SyncStates syncStates, Clock clock) {
        this.changes = new SyncedChanges<>(entries, transactor, syncStates, ProgressEvents::of,
                (user, id) -> new InvalidEntryException("no entry " + id + " for user " + user + "; see progress list"),
                clock);
        this.clock = clock;
    }

    @Override
    public UUID add(AddProgressCommand command) {
        ProgressEntry entry = newEntry(command);
        changes.add(List.of(entry), Priority.USER_ACTION);
        return entry.id();
    }

    @Override
    public void update(UpdateProgressCommand command) {
        if (command.quantity().isEmpty() && command.date().isEmpty()) {
            throw new InvalidEntryException("nothing to change: give --quantity and/or --date");
        }
        Optional<Double> quantity = command.quantity().map(Quantities::parse);
        Optional<Instant> date = command.date().map(EntryDates::requireStorable);
        changes.change(command.userId(), command.id(), Priority.USER_ACTION, stored -> {
            ProgressEntry entry = quantity.map(stored::withQuantity).orElse(stored);
            return date.map(entry::withDate).orElse(entry);
        });
    }

    @Override
    public void delete(String userId, UUID id) {
        changes.delete(userId, id, Priority.USER_ACTION);
    }

    @Override
    public int importCsv(String userId, Path file) {
        List<AddProgressCommand> rows = CsvImport.read(userId, file);
        List<ProgressEntry> made = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            try {
                made.add(newEntry(rows.get(i)));
            } catch (InvalidEntryException e) {
                throw new InvalidEntryException(CsvImport.name(file) + " line " + (i + 2) + ": " + e.getMessage());
            }
        }
        changes.add(made, Priority.BACKGROUND);
        return made.size();
    }

    @Override
    public List<EntryView> list(String userId) {
        return changes.list(userId, (e, state) -> new EntryView(e.id(), e.type().wireName(), e.quantity(), e.unit(),
                e.date(), e.backendId(), state));
    }

    private ProgressEntry newEntry(AddProgressCommand command) {
        ProgressType type = ProgressType.parse(command.type()).orElseThrow(() -> new InvalidEntryException(
                "--type '" + shorten(command.type()) + "' is not a progress type; use one of " + ProgressType.accepted()));
        if (command.unit().isPresent() && !command.unit().get().equals(type.unit())) {
            throw new InvalidEntryException("--unit '" + shorten(command.unit().get()) + "' is not the unit of "
                    + type.wireName() + "; use " + type.unit() + " or leave --unit out");
        }
        double quantity = Quantities.parse(command.quantity());
        Instant date = command.date().map(EntryDates::requireStorable).orElseGet(clock::instant);
        return new ProgressEntry(UUID.randomUUID(), command.userId(), type, quantity, date, Optional.empty(), false);
    }

    static String shorten(String value) {
        String text = String.valueOf(value).replaceAll("\\p{Cntrl}", "?");
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
