/** Foundation schema: the append-only event log, kiosk settings, durable counters, staff alerts. */
export const sql = `
CREATE TABLE events (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  id       TEXT NOT NULL UNIQUE,
  at       TEXT NOT NULL,
  kiosk_id TEXT NOT NULL,
  type     TEXT NOT NULL,
  payload  TEXT NOT NULL CHECK (json_valid(payload))
);
CREATE INDEX events_type_at ON events (type, at);
CREATE INDEX events_at ON events (at);

-- Append-only: history is never rewritten, so staff, auditors and a later
-- central sync can trust it.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE staff_alerts (
  id              TEXT PRIMARY KEY,
  kiosk_id        TEXT NOT NULL,
  kind            TEXT NOT NULL,
  at              TEXT NOT NULL,
  detail          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
  acknowledged_at TEXT,
  acknowledged_by TEXT
);
CREATE INDEX staff_alerts_open ON staff_alerts (acknowledged_at, at);
`;
