/**
 * The durable print queue. A job keeps its source document (rendered again
 * at print time: rendering is deterministic for a profile), its state and
 * attempts. `unknown` means bytes may have reached the printer before a
 * fault: staff decide, the kiosk never resends on its own.
 */
export const sql = `
CREATE TABLE print_jobs (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  ref         TEXT,
  state       TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'printed', 'failed', 'unknown')),
  waiting_on  TEXT,
  mode        TEXT NOT NULL CHECK (mode IN ('raster', 'text')),
  document    TEXT NOT NULL CHECK (json_valid(document)),
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT,
  reprint_of  TEXT REFERENCES print_jobs (id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  printed_at  TEXT,
  fail_after  TEXT NOT NULL
);
CREATE INDEX print_jobs_state ON print_jobs (state, created_at);
CREATE INDEX print_jobs_created ON print_jobs (created_at);
`;
