-- Wakes processors in other processes when events are written, from the server itself: one
-- statement trigger instead of a pg_notify round trip in every writer's transaction. NOTIFY is
-- transactional (sent at commit, never after a rollback) and folds identical notifications of
-- one transaction into one. The channel is per schema, as PgWakeUps.channelOf names it; the
-- payload is the writing store's id (set on each of its connections), so a store can ignore
-- its own commits, whose listeners it has already called.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(left('outbox_events_' || regexp_replace(lower(TG_TABLE_SCHEMA), '[^a-z0-9_]', '_', 'g'), 63),
                    coalesce(current_setting('outbox.store_id', true), ''));
  RETURN NULL;
END
$$;

CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
  FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
