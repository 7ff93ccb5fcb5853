-- The seed outbox (FitIQ's): every field the apps' first unified outbox stored.
CREATE TABLE outbox_event (
  id              CHAR(16) FOR BIT DATA NOT NULL,
  event_type      VARCHAR(64)   NOT NULL,
  entity_id       VARCHAR(128)  NOT NULL,
  user_id         VARCHAR(64)   NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  created_at      TIMESTAMP     NOT NULL,
  last_attempt_at TIMESTAMP,
  attempt_count   INTEGER       NOT NULL DEFAULT 0,
  max_attempts    INTEGER       NOT NULL DEFAULT 5,
  error_message   VARCHAR(2000),
  completed_at    TIMESTAMP,
  metadata        CLOB,
  priority        INTEGER       NOT NULL DEFAULT 0,
  is_new_record   BOOLEAN       NOT NULL DEFAULT FALSE,
  CONSTRAINT outbox_event_pk PRIMARY KEY (id)
);

CREATE INDEX outbox_event_status_idx ON outbox_event (status, created_at);
