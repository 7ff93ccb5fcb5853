package io.outbox.jpa;

import io.outbox.event.OutboxEvent;
import io.outbox.jpa.support.Stores;
import io.outbox.jpa.support.TestNote;
import io.outbox.repository.EventQuery;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.time.Instant;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OutboxWriter writes in the caller's transaction on both stores, and refuses to write outside
 * one. (The wake-up its rows cause: WakeUpPostgresIT, NotesServiceIT.)
 */
class OutboxWriterIT {
    private static final Instant T = Instant.parse("2025-01-31T08:00:00Z");

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenCallersTransaction_whenRecordedAndCommitted_thenTheStoreReadsTheSameEvents(Stores.Kind kind)
            throws Exception {
        try (Stores.Opened opened = Stores.open(kind)) {
            OutboxEvent plain = anEvent().createdAt(T).build();
            OutboxEvent full = anEvent().withPriority(0).createdAt(T.plusSeconds(1)).withMetadata("{\"n\":1}")
                    .withAttempts(1, 7).withLastAttemptAt(T.plusSeconds(2)).failedRetryAt("timeout", T.plusSeconds(60))
                    .build(); // a copied event: every column bound

            try (Connection c = opened.store().dataSource().getConnection()) {
                c.setAutoCommit(false);
                OutboxWriter.record(c, plain, full);
                c.commit();
            }

            assertThat(opened.store().repository().findById(plain.id())).contains(plain);
            assertThat(opened.store().repository().findById(full.id())).contains(full);
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenCallersTransaction_whenRolledBack_thenNoEventIsStored(Stores.Kind kind) throws Exception {
        try (Stores.Opened opened = Stores.open(kind)) {
            try (Connection c = opened.store().dataSource().getConnection()) {
                c.setAutoCommit(false);
                OutboxWriter.record(c, anEvent().createdAt(T).build());
                c.rollback();
            }

            assertThat(opened.store().repository().find(EventQuery.all())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenAutoCommitConnection_whenRecorded_thenRefusedAndNothingWritten(Stores.Kind kind) throws Exception {
        try (Stores.Opened opened = Stores.open(kind);
             Connection c = opened.store().dataSource().getConnection()) {
            c.setAutoCommit(true);

            assertThatThrownBy(() -> OutboxWriter.record(c, anEvent().createdAt(T).build()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("auto-commit mode").hasMessageContaining("setAutoCommit(false)");
            assertThat(opened.store().repository().find(EventQuery.all())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenEntityManagerWithoutTransaction_whenRecorded_thenRefusedUntilOneIsBegun(Stores.Kind kind) throws Exception {
        try (Stores.Opened opened = Stores.open(kind)) {
            EntityManagerFactory factory = new PersistenceConfiguration("writer-it")
                    .provider(PersistenceProvider.class.getName()).managedClass(TestNote.class)
                    .property("jakarta.persistence.nonJtaDataSource", opened.store().dataSource())
                    .property("eclipselink.logging.level", "WARNING").createEntityManagerFactory();
            try (factory; EntityManager em = factory.createEntityManager()) {
                assertThatThrownBy(() -> OutboxWriter.record(em, anEvent().createdAt(T).build()))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("none is active").hasMessageContaining("getTransaction().begin()");

                em.getTransaction().begin();
                em.persist(new TestNote("n-1", "alice", "hello", T));
                OutboxEvent event = anEvent().forEntity("n-1").createdAt(T).build();
                OutboxWriter.record(em, event);
                em.getTransaction().commit();
                assertThat(opened.store().repository().findById(event.id())).contains(event);
            }
        }
    }
}
