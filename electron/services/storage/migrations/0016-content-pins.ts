/**
 * Mind Pharmacy content edits take effect at the next visitor, never
 * mid-visit: the first time a visit looks at the pharmacy (its catalog), the
 * visit's request id is pinned to the content version then active, and every
 * later step of that visit (the prescription, a resend after a reconnect, the
 * crisis card, a slip settled after a restart) reads that version. Versions
 * themselves live in `pharmacy_content_versions` (migration 13).
 */
export const sql = `
CREATE TABLE pharmacy_visit_pins (
  request_id  TEXT PRIMARY KEY,
  version     INTEGER NOT NULL REFERENCES pharmacy_content_versions (version),
  at          TEXT NOT NULL
);
CREATE INDEX pharmacy_visit_pins_at ON pharmacy_visit_pins (at);
`;
