-- The benchmark app's entity: written in the same transaction as its outbox event.
CREATE TABLE bench_note (
  id         varchar(36)  NOT NULL PRIMARY KEY,
  user_id    varchar(64)  NOT NULL,
  body       varchar(200) NOT NULL,
  written_at timestamptz  NOT NULL
);
