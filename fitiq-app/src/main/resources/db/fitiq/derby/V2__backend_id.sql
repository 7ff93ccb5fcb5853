-- FitIQ 2.x: the backend's id of an entry once it has been synced.
ALTER TABLE progress_entry ADD COLUMN backend_id VARCHAR(64);
