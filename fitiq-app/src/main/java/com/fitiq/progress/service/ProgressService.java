package com.fitiq.progress.service;

import com.fitiq.progress.EntryDates;
import com.fitiq.progress.InvalidEntryException;
import com.fitiq.progress.ProgressEntry;
import com.fitiq.progress.ProgressEvents;
import com.fitiq.progress.ProgressType;
import com.fitiq.progress.SyncState;
import com.fitiq.progress.usecase.AddProgressCommand;
import com.fitiq.progress.usecase.ProgressEntries;
import com.fitiq.progress.usecase.ProgressUseCases;
import com.fitiq.progress.usecase.SyncStates;
import com.fitiq.progress.usecase.Transactor;
import com.fitiq.progress.usecase.UpdateProgressCommand;
import io.outbox.event.Operation;
import io.outbox.event.Priority;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** FitIQ's use cases: validate, write the entry and its outbox event together. Thread-safe. */
public final class ProgressService implements ProgressUseCases {
    private final ProgressEntries entries;
    private final Transactor transactor;
    private final SyncStates syncStates;
    private final Clock clock;

    @Inject
    public ProgressService(ProgressEntries entries, Transactor transactor, SyncStates syncStates, Clock clock) {
        this.entries = entries;
        this.transactor = transactor;
        this.syncStates = syncStates;
        this.clock = clock;
    }

    @Override
    public UUID add(AddProgressCommand command) {
        ProgressEntry entry = newEntry(command);
        Instant now = clock.instant();
        transactor.inTransaction(outbox -> {
            entries.insert(entry);
            outbox.record(ProgressEvents.of(entry, Operation.CREATE, Priority.USER_ACTION, now));
        });
        return entry.id();
    }

    @Override
    public void update(UpdateProgressCommand command) {
        if (command.quantity().isEmpty() && command.date().isEmpty()) {
            throw new InvalidEntryException("nothing to change: give --quantity and/or --date");
        }
        Instant now = clock.instant();
        transactor.inTransaction(outbox -> {
            ProgressEntry entry = live(command.userId(), command.id());
            if (command.quantity().isPresent()) {
                entry = entry.withQuantity(Quantities.parse(command.quantity().get()));
            }
            entry = command.date().map(EntryDates::requireStorable).map(entry::withDate).orElse(entry);
            entries.update(entry);
            outbox.record(ProgressEvents.of(entry, Operation.UPDATE, Priority.USER_ACTION, now));
        });
    }

    @Override
    public void delete(String userId, UUID id) {
        Instant now = clock.instant();
        transactor.inTransaction(outbox -> {
            ProgressEntry deleted = live(userId, id).asDeleted();
            entries.update(deleted);
            outbox.record(ProgressEvents.of(deleted, Operation.DELETE, Priority.USER_ACTION, now));
        });
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
        Instant now = clock.instant();
        transactor.inTransaction(outbox -> {
            for (ProgressEntry entry : made) {
                entries.insert(entry);
                outbox.record(ProgressEvents.of(entry, Operation.CREATE, Priority.BACKGROUND, now));
            }
        });
        return made.size();
    }

    @Override
    public List<EntryView> list(String userId) {
        Map<String, SyncState> unsynced = syncStates.unsynced(userId);
        return entries.listLive(userId).stream().map(e -> new EntryView(e.id(), e.type().wireName(), e.quantity(),
                e.unit(), e.date(), e.backendId(), unsynced.getOrDefault(e.id().toString(), SyncState.SYNCED)))
                .toList();
    }

    private ProgressEntry live(String userId, UUID id) {
        return entries.findLive(userId, id).orElseThrow(() -> new InvalidEntryException(
                "no entry " + id + " for user " + userId + "; see progress list"));
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
