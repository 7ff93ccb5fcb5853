/**
 * The JPA adapter's workings: the repository, the migrations, the shared embedded store's server,
 * locks and credential. <strong>Not a supported API.</strong> The classes are public only because
 * other packages of the project use them; they change without notice between versions. Use
 * {@link io.outbox.jpa.OutboxStore}, {@link io.outbox.jpa.StoreConfig}, {@link io.outbox.jpa.UnitOfWork},
 * {@link io.outbox.jpa.OutboxWriter} and {@link io.outbox.jpa.SharedStores} instead.
 */
package io.outbox.jpa.internal;
