-- FitIQ 1.x: progress entries only.
CREATE TABLE progress_entry (
  id         VARCHAR(36) NOT NULL PRIMARY KEY,
  user_id    VARCHAR(64) NOT NULL,
  type       VARCHAR(16) NOT NULL,
  quantity   DOUBLE      NOT NULL,
  unit       VARCHAR(16) NOT NULL,
  entry_date TIMESTAMP   NOT NULL
);
CREATE INDEX progress_entry_user_idx ON progress_entry (user_id, entry_date);
