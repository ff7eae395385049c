/**
 * The staff console's second round, in one migration:
 *
 * - Alerts become one open row per cause (stored in migration 10's
 *   `join_key`; repeats raise its `repeat_count` and `last_at`). An alert
 *   closes itself when the cause clears (`closed_reason` 'cleared') or when a
 *   person acknowledges it ('acknowledged'). Closed rows stay: that is the
 *   history. Acknowledged rows from before count as closed by a person.
 * - Mind Pharmacy content edited by admins is versioned: every saved version
 *   is a row; `active` marks the one the next visitor gets (restoring an old
 *   version makes a new row from it, so nothing is ever overwritten).
 * - Gift slots get a low-stock threshold of their own.
 * - A visitor's slip the printer failed stays "owed" until staff resolve it:
 *   reprinted (the new job's id) or cancelled, by whom and when.
 */
export const sql = `
ALTER TABLE staff_alerts ADD COLUMN closed_at TEXT;
ALTER TABLE staff_alerts ADD COLUMN closed_reason TEXT CHECK (closed_reason IN ('cleared', 'acknowledged'));
UPDATE staff_alerts SET closed_at = acknowledged_at, closed_reason = 'acknowledged' WHERE acknowledged_at IS NOT NULL;
CREATE INDEX staff_alerts_open_cause ON staff_alerts (join_key, closed_at);

CREATE TABLE pharmacy_content_versions (
  version     INTEGER PRIMARY KEY,
  content     TEXT NOT NULL CHECK (json_valid(content)),
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  restored_from INTEGER,
  active      INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
);
CREATE UNIQUE INDEX pharmacy_content_active ON pharmacy_content_versions (active) WHERE active = 1;

CREATE TABLE print_job_resolutions (
  job_id      TEXT PRIMARY KEY REFERENCES print_jobs (id),
  resolution  TEXT NOT NULL CHECK (resolution IN ('cancelled', 'reprinted')),
  new_job_id  TEXT REFERENCES print_jobs (id),
  at          TEXT NOT NULL,
  by          TEXT NOT NULL
);

CREATE TABLE vending_low_stock (
  slot       INTEGER PRIMARY KEY,
  threshold  INTEGER NOT NULL CHECK (threshold >= 0)
);
`;
