/**
 * Print confirmation and hybrid slips. `mode` gains `hybrid` (printer text,
 * a native QR and a little raster), which the first CHECK did not allow:
 * SQLite cannot alter a CHECK, so the table is rebuilt, rows copied in
 * creation order (a reprint always comes after its original, so the
 * self-reference holds row by row). New columns:
 * - `confirmed`: 1 when the printer acknowledged the job's last byte, 0
 *   when a write-only device (`file:`) only took the bytes.
 * - `reprint_reason`: `auto` (the kiosk reprinted, once, a visitor's slip
 *   whose first print is unknown; the paper says "재발행 / reprint") or
 *   `staff` (a technician's reprint).
 */
export const sql = `
CREATE TABLE print_jobs_v2 (
  id             TEXT PRIMARY KEY,
  kind           TEXT NOT NULL,
  ref            TEXT,
  state          TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'printed', 'failed', 'unknown')),
  waiting_on     TEXT,
  mode           TEXT NOT NULL CHECK (mode IN ('raster', 'text', 'hybrid')),
  document       TEXT NOT NULL CHECK (json_valid(document)),
  attempts       INTEGER NOT NULL DEFAULT 0,
  last_error     TEXT,
  reprint_of     TEXT REFERENCES print_jobs_v2 (id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  printed_at     TEXT,
  fail_after     TEXT NOT NULL,
  confirmed      INTEGER CHECK (confirmed IN (0, 1)),
  reprint_reason TEXT CHECK (reprint_reason IN ('auto', 'staff'))
);
INSERT INTO print_jobs_v2 (id, kind, ref, state, waiting_on, mode, document, attempts, last_error, reprint_of, created_at, updated_at, printed_at, fail_after, confirmed, reprint_reason)
  SELECT id, kind, ref, state, waiting_on, mode, document, attempts, last_error, reprint_of, created_at, updated_at, printed_at, fail_after,
         CASE WHEN state = 'printed' THEN 0 END, CASE WHEN reprint_of IS NOT NULL THEN 'staff' END
  FROM print_jobs ORDER BY created_at, id;
DROP TABLE print_jobs;
ALTER TABLE print_jobs_v2 RENAME TO print_jobs;
CREATE INDEX print_jobs_state ON print_jobs (state, created_at);
CREATE INDEX print_jobs_created ON print_jobs (created_at);
CREATE INDEX print_jobs_reprint_of ON print_jobs (reprint_of);
`;
