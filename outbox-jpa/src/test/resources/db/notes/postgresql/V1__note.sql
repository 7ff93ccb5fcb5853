-- The notes service's own table, migrated after the outbox's when its store opens (NotesApp.SCHEMA).
CREATE TABLE note (
  id     VARCHAR(36)  NOT NULL PRIMARY KEY,
  author VARCHAR(64)  NOT NULL,
  text   VARCHAR(500) NOT NULL
);
