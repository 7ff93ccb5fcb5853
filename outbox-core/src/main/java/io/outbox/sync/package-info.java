/**
 * What an app's use cases see of the outbox: a {@link io.outbox.sync.Transactor} that commits
 * entities and their events together, and the {@link io.outbox.sync.SyncState} of each entity.
 */
package io.outbox.sync;
