-- Fewer indexes that hold status (issue 18). Every state change (claim, completion) moved the row
-- in each index that holds status: three on Derby. Now one holds it, the due index.
-- The age index goes: the oldest-first share of a batch reads each priority in use through the
-- due index, which orders a priority's events by age (JpaOutboxRepository.priorities).
DROP INDEX outbox_event_age_idx;
-- The user index keeps no status: a user's counts and listings read that user's rows, oldest
-- first, and a state change leaves the index alone.
DROP INDEX outbox_event_user_idx;
CREATE INDEX outbox_event_user_idx ON outbox_event (user_id, created_at, id);
