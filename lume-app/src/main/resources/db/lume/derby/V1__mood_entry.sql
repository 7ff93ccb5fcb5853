-- Lume 1.x: mood entries only. Labels are a JSON array of strings; the backend id is set once
-- the entry has reached the backend.
CREATE TABLE mood_entry (
  id         VARCHAR(36)   NOT NULL PRIMARY KEY,
  user_id    VARCHAR(64)   NOT NULL,
  valence    DOUBLE        NOT NULL,
  labels     VARCHAR(1000) NOT NULL,
  note       VARCHAR(4000),
  entry_date TIMESTAMP     NOT NULL,
  backend_id VARCHAR(64)
);
CREATE INDEX mood_entry_user_idx ON mood_entry (user_id, entry_date);
