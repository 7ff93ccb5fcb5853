/**
 * Typed event metadata: each event type's metadata is a record the app defines, stored as a JSON
 * object and read back exactly ({@link io.outbox.metadata.TypedMetadata}). A value codec with no
 * I/O, so an app's domain code may build its events with it.
 */
package io.outbox.metadata;
