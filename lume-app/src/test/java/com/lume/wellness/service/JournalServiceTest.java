package com.lume.wellness.service;

import com.lume.support.InMemoryWellness;
import com.lume.wellness.InvalidEntryException;
import com.lume.wellness.JournalEntry;
import com.lume.wellness.JournalMetadata;
import com.lume.wellness.WellnessEvents;
import com.lume.wellness.usecase.AddJournalCommand;
import com.lume.wellness.usecase.AddMoodCommand;
import com.lume.wellness.usecase.MoodLinkChange;
import com.lume.wellness.usecase.UpdateJournalCommand;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import io.outbox.metadata.TypedMetadata;
import io.outbox.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalServiceTest {
    private final ManualClock clock = ManualClock.at("2025-01-31T08:00:00Z");
    private final InMemoryWellness store = new InMemoryWellness();
    private final MoodService moods = new MoodService(store.moods(), store.journals(), store, store, clock);
    private final JournalService journals = new JournalService(store.journals(), store.moods(), store, store, clock);

    private UUID mood(String user) {
        return moods.add(new AddMoodCommand(user, "0.5", List.of(), Optional.empty(), Optional.empty()));
    }

    private UUID journal(Optional<UUID> mood) {
        return journals.add(new AddJournalCommand("alice", "Title", "Content", mood,
                Optional.of(Instant.parse("2025-01-30T21:00:00Z"))));
    }

    @Test
    void givenJournalLinkedToOwnMood_whenAdded_thenStoredWithLinkAndUserActionCreateWithoutText() {
        UUID mood = mood("alice");
        UUID id = journal(Optional.of(mood));

        JournalEntry stored = store.journal(id);
        assertThat(stored.moodId()).contains(mood);
        assertThat(stored.date()).isEqualTo(Instant.parse("2025-01-30T21:00:00Z"));
        OutboxEvent event = store.events().get(1);
        assertThat(event.eventType()).isEqualTo(WellnessEvents.JOURNAL);
        assertThat(event.operation()).isEqualTo(Operation.CREATE);
        assertThat(event.priority()).isEqualTo(Priority.USER_ACTION);
        assertThat(event.metadata().orElseThrow()).doesNotContain("Title").doesNotContain("Content");
        assertThat(event.metadata()).contains("{\"word_count\":1,\"linked_mood_id\":\"" + mood + "\"}");
        assertThat(TypedMetadata.read(event.metadata(), JournalMetadata.class))
                .contains(new JournalMetadata(1, Optional.of(mood)));
    }

    @Test
    void givenUnknownDeletedOrOtherUsersMood_whenLinked_thenRejectedTheSameWayAndNothingWritten() {
        UUID bobs = mood("bob");
        UUID deleted = mood("alice");
        moods.delete("alice", deleted);
        int before = store.events().size();

        for (UUID mood : List.of(UUID.randomUUID(), bobs, deleted)) {
            assertThatThrownBy(() -> journal(Optional.of(mood))).isInstanceOf(InvalidEntryException.class)
                    .hasMessage("--mood " + mood + ": no mood entry with that id for user alice; see mood list");
        }
        assertThat(store.events()).hasSize(before);
    }

    @Test
    void givenLinkedJournal_whenUpdatedWithNoMood_thenLinkRemoved() {
        UUID id = journal(Optional.of(mood("alice")));

        journals.update(new UpdateJournalCommand("alice", id, Optional.empty(), Optional.empty(),
                MoodLinkChange.unlink(), Optional.empty()));

        assertThat(store.journal(id).moodId()).isEmpty();
        assertThat(store.events()).last().extracting(OutboxEvent::operation).isEqualTo(Operation.UPDATE);
    }

    @Test
    void givenJournal_whenRelinkedAndRetitled_thenBothChangedInOneUpdate() {
        UUID id = journal(Optional.empty());
        UUID mood = mood("alice");
        int before = store.events().size();

        journals.update(new UpdateJournalCommand("alice", id, Optional.of("New"), Optional.empty(),
                MoodLinkChange.link(mood), Optional.empty()));

        assertThat(store.journal(id).title()).isEqualTo("New");
        assertThat(store.journal(id).content()).isEqualTo("Content");
        assertThat(store.journal(id).moodId()).contains(mood);
        assertThat(store.events()).hasSize(before + 1);
    }

    @Test
    void givenBadTitleOrNothingToChangeOrOtherUsersEntry_whenUpdated_thenRejectedAndNothingWritten() {
        UUID id = journal(Optional.empty());
        int before = store.events().size();

        assertThatThrownBy(() -> journals.update(new UpdateJournalCommand("alice", id, Optional.of(""),
                Optional.empty(), MoodLinkChange.keep(), Optional.empty()))).hasMessage("--title must not be blank");
        assertThatThrownBy(() -> journals.update(new UpdateJournalCommand("alice", id, Optional.empty(),
                Optional.empty(), MoodLinkChange.keep(), Optional.empty()))).hasMessageContaining("nothing to change");
        assertThatThrownBy(() -> journals.update(new UpdateJournalCommand("bob", id, Optional.of("x"),
                Optional.empty(), MoodLinkChange.keep(), Optional.empty()))).hasMessageContaining("no journal entry");
        assertThatThrownBy(() -> journals.update(new UpdateJournalCommand("alice", id, Optional.of("x"),
                Optional.empty(), MoodLinkChange.link(UUID.randomUUID()), Optional.empty())))
                .hasMessageContaining("no mood entry");
        assertThat(store.events()).hasSize(before);
        assertThat(store.journal(id).title()).isEqualTo("Title");
    }

    @Test
    void givenJournal_whenDeleted_thenTombstoneHiddenFromListAndDeleteRecorded() {
        UUID id = journal(Optional.empty());

        journals.delete("alice", id);

        assertThat(store.journal(id).deleted()).isTrue();
        assertThat(journals.list("alice")).isEmpty();
        assertThat(store.events()).last().extracting(OutboxEvent::operation).isEqualTo(Operation.DELETE);
        assertThatThrownBy(() -> journals.delete("alice", id)).hasMessageContaining("no journal entry");
    }
}
