package io.outbox.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;

import java.util.List;

/**
 * Queries for an app's entries of one user, kept with a tombstone: entities with the attributes
 * {@code userId}, {@code deleted} (a tombstone until its delete is synced), {@code date} and
 * {@code id}. Criteria queries, not JPQL: EclipseLink sets up its JPQL parser's grammar on a
 * process's first JPQL query, a few hundredths of a short command's second. Stateless.
 */
public final class UserEntries {
    private UserEntries() {
    }

    /** The user's entries that are not deleted, by date and then id. */
    public static <T> List<T> live(EntityManager em, Class<T> type, String userId) {
        CriteriaBuilder builder = em.getCriteriaBuilder();
        CriteriaQuery<T> query = builder.createQuery(type);
        Root<T> entry = query.from(type);
        query.where(builder.equal(entry.get("userId"), userId), builder.isFalse(entry.get("deleted")))
                .orderBy(builder.asc(entry.get("date")), builder.asc(entry.get("id")));
        return em.createQuery(query).getResultList();
    }
}
