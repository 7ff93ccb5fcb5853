-- What reliable delivery needs: the operation, the next attempt time, a claim with a lease,
-- and what a handler asked to keep; plus indexes that keep claims cheap as history grows.
ALTER TABLE outbox_event ADD COLUMN operation varchar(16) NOT NULL DEFAULT 'update';
ALTER TABLE outbox_event ADD COLUMN next_attempt_at timestamptz;
ALTER TABLE outbox_event ADD COLUMN claim_owner varchar(128);
ALTER TABLE outbox_event ADD COLUMN lease_expires_at timestamptz;
ALTER TABLE outbox_event ADD COLUMN result varchar(2000);

-- The seed knew creates only by is_new_record; everything else was an update.
UPDATE outbox_event SET operation = 'create' WHERE is_new_record;
UPDATE outbox_event SET status = lower(trim(status));
UPDATE outbox_event SET next_attempt_at = created_at WHERE status = 'pending';
UPDATE outbox_event SET next_attempt_at = coalesce(last_attempt_at, created_at)
  WHERE status = 'failed' AND attempt_count < max_attempts;
-- Rows a seed worker left processing come back at the first sync: their lease has run out.
UPDATE outbox_event SET claim_owner = 'seed-worker', lease_expires_at = coalesce(last_attempt_at, created_at),
  next_attempt_at = created_at WHERE status = 'processing';

DROP INDEX outbox_event_status_idx;
-- Partial indexes: only events that can still become due are in them, so the claim's cost
-- does not grow with the completed history.
CREATE INDEX outbox_event_due_idx ON outbox_event (priority DESC, created_at, id)
  WHERE status IN ('pending', 'failed') AND next_attempt_at IS NOT NULL;
CREATE INDEX outbox_event_age_idx ON outbox_event (created_at, id)
  WHERE status IN ('pending', 'failed') AND next_attempt_at IS NOT NULL;
CREATE INDEX outbox_event_entity_idx ON outbox_event (entity_id, created_at, id) WHERE status <> 'completed';
CREATE INDEX outbox_event_user_idx ON outbox_event (user_id, status);
CREATE INDEX outbox_event_completed_idx ON outbox_event (completed_at) WHERE status = 'completed';
CREATE INDEX outbox_event_lease_idx ON outbox_event (lease_expires_at) WHERE status = 'processing';
