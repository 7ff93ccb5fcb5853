CREATE TABLE test_note (
  id         VARCHAR(36)  NOT NULL PRIMARY KEY,
  user_id    VARCHAR(64)  NOT NULL,
  text       VARCHAR(200) NOT NULL,
  written_at TIMESTAMP    NOT NULL
);
