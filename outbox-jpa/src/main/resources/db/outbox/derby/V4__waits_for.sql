-- An event can wait on another (a linked journal on its mood's create): waits_for names it while
-- the event is parked, and on an event that failed for good because the one it waited on did.
-- The index serves the wake-up when an event completes or fails for good (WHERE waits_for = ?).
-- Existing rows wait on nothing.
ALTER TABLE outbox_event ADD COLUMN waits_for CHAR(16) FOR BIT DATA;

CREATE INDEX outbox_event_waits_idx ON outbox_event (waits_for);
