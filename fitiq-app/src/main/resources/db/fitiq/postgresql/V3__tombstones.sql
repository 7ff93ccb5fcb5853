-- FitIQ 3.x: a deleted entry is kept as a tombstone until its delete has reached the backend
-- (the delete needs the backend id); listings hide it.
ALTER TABLE progress_entry ADD COLUMN deleted boolean NOT NULL DEFAULT false;
