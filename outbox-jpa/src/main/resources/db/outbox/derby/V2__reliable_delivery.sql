-- What reliable delivery needs: the operation, the next attempt time, a claim with a lease,
-- and what a handler asked to keep; plus indexes that keep claims cheap as history grows.
ALTER TABLE outbox_event ADD COLUMN operation VARCHAR(16) NOT NULL DEFAULT 'update';
ALTER TABLE outbox_event ADD COLUMN next_attempt_at TIMESTAMP;
ALTER TABLE outbox_event ADD COLUMN claim_owner VARCHAR(128);
ALTER TABLE outbox_event ADD COLUMN lease_expires_at TIMESTAMP;
ALTER TABLE outbox_event ADD COLUMN result VARCHAR(2000);

-- The seed knew creates only by is_new_record; everything else was an update.
UPDATE outbox_event SET operation = 'create' WHERE is_new_record = TRUE;
UPDATE outbox_event SET status = LOWER(TRIM(status));
UPDATE outbox_event SET next_attempt_at = created_at WHERE status = 'pending';
UPDATE outbox_event SET next_attempt_at = COALESCE(last_attempt_at, created_at)
  WHERE status = 'failed' AND attempt_count < max_attempts;
-- Rows a seed worker left processing come back at the first sync: their lease has run out.
UPDATE outbox_event SET claim_owner = 'seed-worker', lease_expires_at = COALESCE(last_attempt_at, created_at),
  next_attempt_at = created_at WHERE status = 'processing';

DROP INDEX outbox_event_status_idx;
-- Claims read one status at a time in (priority DESC, created_at, id) order: no sort, and the
-- completed history never enters the scan. The claim pins it with a DERBY-PROPERTIES hint.
CREATE INDEX outbox_event_due_idx ON outbox_event (status, priority DESC, created_at, id);
CREATE INDEX outbox_event_age_idx ON outbox_event (status, created_at, id);
CREATE INDEX outbox_event_entity_idx ON outbox_event (entity_id, created_at, id);
CREATE INDEX outbox_event_user_idx ON outbox_event (user_id, status);
