CREATE TABLE broken_half (id INTEGER NOT NULL PRIMARY KEY);
INSERT INTO broken_half (id) VALUES (1);
INSERT INTO no_such_table (id) VALUES (1);
