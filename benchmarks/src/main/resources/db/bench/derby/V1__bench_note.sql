-- The benchmark app's entity: written in the same transaction as its outbox event.
CREATE TABLE bench_note (
  id         VARCHAR(36)  NOT NULL PRIMARY KEY,
  user_id    VARCHAR(64)  NOT NULL,
  body       VARCHAR(200) NOT NULL,
  written_at TIMESTAMP    NOT NULL
);
