-- Wakes processors in other processes when events are written. Derby has no NOTIFY, so the
-- statement trigger calls a Java procedure that runs in the JVM that has the store booted (the
-- one serving it to the app's other processes), and a processor elsewhere waits in the function
-- below, over its own connection, until the count of writes moves (DerbyWrites). The trigger
-- fires before the commit; a woken reader then waits on the new rows' locks until it.
CREATE PROCEDURE outbox_event_written() LANGUAGE JAVA PARAMETER STYLE JAVA NO SQL
  EXTERNAL NAME 'io.outbox.jpa.internal.DerbyWrites.written';

CREATE FUNCTION outbox_await_write(seen BIGINT, millis INTEGER) RETURNS BIGINT
  LANGUAGE JAVA PARAMETER STYLE JAVA NO SQL
  EXTERNAL NAME 'io.outbox.jpa.internal.DerbyWrites.awaitWrite';

CREATE TRIGGER outbox_event_wake AFTER INSERT ON outbox_event
  FOR EACH STATEMENT CALL outbox_event_written();
