-- Lume 3.x, on the unified outbox: a deleted entry is kept as a tombstone until its delete has
-- reached the backend (the delete needs the backend id); listings hide it. V4 (a Java migration)
-- then gives the entries that never reached the backend a pending create event.
ALTER TABLE mood_entry ADD COLUMN deleted boolean NOT NULL DEFAULT false;
ALTER TABLE journal_entry ADD COLUMN deleted boolean NOT NULL DEFAULT false;
