package com.lume.wellness.service;

import com.lume.support.InMemoryWellness;
import com.lume.wellness.InvalidEntryException;
import com.lume.wellness.MoodEntry;
import io.outbox.sync.SyncState;
import com.lume.wellness.MoodMetadata;
import com.lume.wellness.WellnessEvents;
import com.lume.wellness.usecase.AddJournalCommand;
import com.lume.wellness.usecase.AddMoodCommand;
import com.lume.wellness.usecase.UpdateMoodCommand;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import io.outbox.metadata.TypedMetadata;
import io.outbox.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class MoodServiceTest {
    private final ManualClock clock = ManualClock.at("2025-01-31T08:00:00Z");
    private final InMemoryWellness store = new InMemoryWellness();
    private final MoodService moods = new MoodService(store.moods(), store.journals(), store, store, clock);
    private final JournalService journals = new JournalService(store.journals(), store.moods(), store, store, clock);

    private UUID addMood(String valence, String... labels) {
        return moods.add(new AddMoodCommand("alice", valence, List.of(labels), Optional.of("a private note"),
                Optional.empty()));
    }

    @Test
    void givenMood_whenAdded_thenEntryAndOneUserActionCreateEventWithoutEntryData() {
        UUID id = addMood("0.4", "calm");

        MoodEntry stored = store.mood(id);
        assertThat(stored.valence()).isEqualTo(0.4);
        assertThat(stored.labels()).containsExactly("calm");
        assertThat(stored.date()).isEqualTo(clock.instant());
        OutboxEvent event = store.events().get(0);
        assertThat(store.events()).hasSize(1);
        assertThat(event.eventType()).isEqualTo(WellnessEvents.MOOD);
        assertThat(event.operation()).isEqualTo(Operation.CREATE);
        assertThat(event.entityId()).isEqualTo(id.toString());
        assertThat(event.priority()).isEqualTo(Priority.USER_ACTION);
        assertThat(event.metadata()).contains("{\"valence\":0.4,\"label_count\":1}");
        assertThat(TypedMetadata.read(event.metadata(), MoodMetadata.class)).contains(new MoodMetadata(0.4, 1));
    }

    @Test
    void givenValenceNotANumberOrOutOfRange_whenAdded_thenRejectedAndNothingWritten() {
        assertThatThrownBy(() -> addMood("abc")).isInstanceOf(InvalidEntryException.class)
                .hasMessageContaining("is not a number");
        assertThatThrownBy(() -> addMood("1.5")).isInstanceOf(InvalidEntryException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> addMood("NaN")).isInstanceOf(InvalidEntryException.class);
        assertThatThrownBy(() -> addMood("1e-1")).isInstanceOf(InvalidEntryException.class);
        assertThat(store.events()).isEmpty();
    }

    @Test
    void givenLabelsGiven_whenUpdated_thenTheyReplaceAllLabelsAndTheNoteStays() {
        UUID id = addMood("0.1", "calm", "tired");

        moods.update(new UpdateMoodCommand("alice", id, Optional.empty(), Optional.of(List.of("happy")),
                Optional.empty(), false, Optional.empty()));

        assertThat(store.mood(id).labels()).containsExactly("happy");
        assertThat(store.mood(id).note()).contains("a private note");
        assertThat(store.events()).extracting(OutboxEvent::operation).containsExactly(Operation.CREATE, Operation.UPDATE);
    }

    @Test
    void givenNoNoteAndNoLabels_whenUpdated_thenBothRemoved() {
        UUID id = addMood("0.1", "calm");

        moods.update(new UpdateMoodCommand("alice", id, Optional.empty(), Optional.of(List.of()), Optional.empty(),
                true, Optional.empty()));

        assertThat(store.mood(id).labels()).isEmpty();
        assertThat(store.mood(id).note()).isEmpty();
    }

    @Test
    void givenNothingToChangeOrUnknownOrOtherUsersId_whenUpdated_thenRejectedAndNothingWritten() {
        UUID id = addMood("0.1");
        assertThatThrownBy(() -> moods.update(new UpdateMoodCommand("alice", id, Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty()))).hasMessageContaining("nothing to change");
        assertThatThrownBy(() -> moods.update(new UpdateMoodCommand("alice", UUID.randomUUID(), Optional.of("0.2"),
                Optional.empty(), Optional.empty(), false, Optional.empty()))).hasMessageContaining("no mood entry");
        assertThatThrownBy(() -> moods.update(new UpdateMoodCommand("bob", id, Optional.of("0.2"),
                Optional.empty(), Optional.empty(), false, Optional.empty()))).hasMessageContaining("no mood entry");
        assertThatThrownBy(() -> moods.update(new UpdateMoodCommand("alice", id, Optional.of("0.2"),
                Optional.of(List.of("ok", "OK")), Optional.empty(), false, Optional.empty())))
                .hasMessageContaining("twice");
        assertThat(store.events()).hasSize(1);
        assertThat(store.mood(id).valence()).isEqualTo(0.1);
    }

    @Test
    void givenJournalsLinkedToMood_whenMoodDeleted_thenTombstoneKeptAndLiveJournalsUnlinkedWithAnUpdate() {
        UUID mood = addMood("0.3");
        UUID live = journals.add(new AddJournalCommand("alice", "t", "c", Optional.of(mood), Optional.empty()));
        UUID gone = journals.add(new AddJournalCommand("alice", "t", "c", Optional.of(mood), Optional.empty()));
        journals.delete("alice", gone);
        int before = store.events().size();

        moods.delete("alice", mood);

        assertThat(store.mood(mood).deleted()).isTrue();
        assertThat(store.journal(live).moodId()).isEmpty();
        assertThat(store.journal(gone).moodId()).isEmpty();
        assertThat(store.events().subList(before, store.events().size()))
                .extracting(OutboxEvent::eventType, OutboxEvent::operation, OutboxEvent::entityId)
                .containsExactly(tuple(WellnessEvents.MOOD, Operation.DELETE, mood.toString()),
                        tuple(WellnessEvents.JOURNAL, Operation.UPDATE, live.toString()));
        assertThat(moods.list("alice")).isEmpty();
    }

    @Test
    void givenEventsStates_whenListed_thenEachEntryHasItsSyncState() {
        UUID synced = addMood("0.1");
        UUID pending = addMood("0.2");
        UUID failed = addMood("0.3");
        store.markState(pending, SyncState.PENDING);
        store.markState(failed, SyncState.FAILED);

        assertThat(moods.list("alice")).extracting(v -> v.id(), v -> v.syncState()).containsExactlyInAnyOrder(
                tuple(synced, SyncState.SYNCED), tuple(pending, SyncState.PENDING), tuple(failed, SyncState.FAILED));
        assertThat(moods.list("bob")).isEmpty();
    }
}
