-- Lume 2.x: journal entries, each optionally linked to a mood entry of the same user.
CREATE TABLE journal_entry (
  id         VARCHAR(36)  NOT NULL PRIMARY KEY,
  user_id    VARCHAR(64)  NOT NULL,
  title      VARCHAR(800) NOT NULL,
  content    CLOB         NOT NULL,
  mood_id    VARCHAR(36),
  entry_date TIMESTAMP    NOT NULL,
  backend_id VARCHAR(64)
);
CREATE INDEX journal_entry_user_idx ON journal_entry (user_id, entry_date);
CREATE INDEX journal_entry_mood_idx ON journal_entry (mood_id);
