-- The seed outbox (FitIQ's): every field the apps' first unified outbox stored.
CREATE TABLE outbox_event (
  id              uuid          NOT NULL,
  event_type      varchar(64)   NOT NULL,
  entity_id       varchar(128)  NOT NULL,
  user_id         varchar(64)   NOT NULL,
  status          varchar(16)   NOT NULL,
  created_at      timestamptz   NOT NULL,
  last_attempt_at timestamptz,
  attempt_count   integer       NOT NULL DEFAULT 0,
  max_attempts    integer       NOT NULL DEFAULT 5,
  error_message   varchar(2000),
  completed_at    timestamptz,
  metadata        text,
  priority        integer       NOT NULL DEFAULT 0,
  is_new_record   boolean       NOT NULL DEFAULT false,
  CONSTRAINT outbox_event_pk PRIMARY KEY (id)
);

CREATE INDEX outbox_event_status_idx ON outbox_event (status, created_at);
