-- Lume 1.x: mood entries only. Labels are a JSON array of strings; the backend id is set once
-- the entry has reached the backend.
CREATE TABLE mood_entry (
  id         varchar(36)      NOT NULL PRIMARY KEY,
  user_id    varchar(64)      NOT NULL,
  valence    double precision NOT NULL,
  labels     varchar(1000)    NOT NULL,
  note       varchar(4000),
  entry_date timestamptz      NOT NULL,
  backend_id varchar(64)
);
CREATE INDEX mood_entry_user_idx ON mood_entry (user_id, entry_date);
