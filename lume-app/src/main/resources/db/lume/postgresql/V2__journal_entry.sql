-- Lume 2.x: journal entries, each optionally linked to a mood entry of the same user.
CREATE TABLE journal_entry (
  id         varchar(36)  NOT NULL PRIMARY KEY,
  user_id    varchar(64)  NOT NULL,
  title      varchar(800) NOT NULL,
  content    text         NOT NULL,
  mood_id    varchar(36),
  entry_date timestamptz  NOT NULL,
  backend_id varchar(64)
);
CREATE INDEX journal_entry_user_idx ON journal_entry (user_id, entry_date);
CREATE INDEX journal_entry_mood_idx ON journal_entry (mood_id);
