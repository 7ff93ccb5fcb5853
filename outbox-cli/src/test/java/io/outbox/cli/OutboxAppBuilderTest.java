package io.outbox.cli;

import io.outbox.handler.OutboxHandler;
import io.outbox.jpa.MigrationSet;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.UnsyncedEntriesBackfill;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An app described by the builder: the parts it gives, and the defaults of those it leaves out. */
class OutboxAppBuilderTest {
    static final class V2__Backfill extends BaseJavaMigration {
        @Override
        public void migrate(Context context) {
            // never run here: the test only checks that the set carries it
        }
    }

    static final class Entry {
    }

    static final class EntryProblem extends IllegalArgumentException {
        EntryProblem() {
            super("bad entry");
        }
    }

    @Test
    void an_app_of_a_name_alone_takes_every_default() {
        OutboxApp app = OutboxApp.builder("notes").build();

        assertThat(app.name()).isEqualTo("notes");
        assertThat(app.envPrefix()).isEqualTo("NOTES");
        assertThat(app.migrations()).isEqualTo(MigrationSet.named("notes"));
        assertThat(app.migrations().historyTable()).isEqualTo("notes_schema_history");
        assertThat(app.migrations().root()).isEqualTo("db/notes");
        assertThat(app.entityClasses()).isEmpty();
        assertThat(app.eventTypes()).isEmpty();
        assertThat(app.handlers(null, null)).isEmpty();
        assertThat(app.isBadInput(new IllegalArgumentException("x"))).isFalse();
        assertThat(app.metadataForDisplay(anEvent().withMetadata("{\"words\":3}").build()))
                .contains(Map.of("words", 3));
        assertThat(app.metadataForDisplay(anEvent().build())).isEmpty();
        assertThat(app.extraStatistics(null)).isEmpty();
        app.checkReadyToSync(null);
        assertThat(app.entrySources()).isEmpty();
        assertThat(app.deliverableWithoutEntity(anEvent().build())).isFalse();
    }

    static final class V3__Notes_backfill extends UnsyncedEntriesBackfill {
        V3__Notes_backfill() {
            super(Clock.systemUTC(), new Source("note", "note", Optional.empty()),
                    new Source("sketch", "sketch", Optional.of("{}")));
        }
    }

    @Test
    void an_apps_entry_tables_are_those_its_backfill_names_and_it_says_which_events_need_none() {
        OutboxApp app = OutboxApp.builder("notes")
                .javaMigrations(new V2__Backfill(), new V3__Notes_backfill())
                .deliverableWithoutEntity(event -> event.metadata().isPresent())
                .build();

        assertThat(app.entrySources()).extracting(UnsyncedEntriesBackfill.Source::table)
                .containsExactly("note", "sketch");
        assertThat(app.deliverableWithoutEntity(anEvent().withMetadata("{\"carried\":1}").build())).isTrue();
        assertThat(app.deliverableWithoutEntity(anEvent().build())).isFalse();
    }

    @Test
    void an_app_keeps_every_part_it_is_given() {
        List<OutboxHandler> handlers = List.of();
        V2__Backfill backfill = new V2__Backfill();
        List<OutboxStore> checked = new ArrayList<>();
        OutboxApp app = OutboxApp.builder("notes")
                .javaMigrations(backfill)
                .entities(Entry.class)
                .eventTypes(Set.of("note"))
                .handlers((store, api) -> handlers)
                .badInput(IllegalArgumentException.class)
                .metadataForDisplay(event -> Optional.of(Map.of("shown", "nothing private")))
                .extraStatistics(store -> Map.of("legacy_rows", 2))
                .readyToSync(checked::add)
                .build();

        assertThat(app.migrations().javaMigrations()).containsExactly(backfill);
        assertThat(app.entityClasses()).containsExactly(Entry.class);
        assertThat(app.eventTypes()).containsExactly("note");
        assertThat(app.handlers(null, null)).isSameAs(handlers);
        assertThat(app.isBadInput(new EntryProblem())).isTrue();
        assertThat(app.isBadInput(new IllegalStateException("a bug"))).isFalse();
        assertThat(app.metadataForDisplay(anEvent().withMetadata("{\"text\":\"secret\"}").build()))
                .contains(Map.of("shown", "nothing private"));
        assertThat(app.extraStatistics(null)).containsEntry("legacy_rows", 2);
        app.checkReadyToSync(null);
        assertThat(checked).hasSize(1);
    }

    @Test
    void a_name_that_is_no_sql_identifier_is_refused() {
        assertThatThrownBy(() -> OutboxApp.builder("Notes App"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case SQL identifier");
    }
}
