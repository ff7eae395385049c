/**
 * Mind Pharmacy: which prescriptions each kiosk has already given per
 * symptom (so a visitor tapping the same symptom again gets a new one), and
 * one row per prescription slip issued, which the pharmacy flow completes
 * with its print job and vend as they happen.
 */
export const sql = `
-- One row per kiosk and symptom: the prescription ids given in the current
-- cycle (a JSON array) and the last one given, so a new cycle never opens
-- with the prescription the previous visitor just read.
CREATE TABLE pharmacy_rx_cycles (
  kiosk_id   TEXT NOT NULL,
  symptom_id TEXT NOT NULL,
  cycle      INTEGER NOT NULL DEFAULT 1,
  given      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(given)),
  last_given TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (kiosk_id, symptom_id)
);

CREATE TABLE prescriptions_issued (
  id              TEXT PRIMARY KEY,
  -- Printed on the slip and read aloud to staff: short, unambiguous (RX-7KMP3A).
  rx_number       TEXT NOT NULL UNIQUE,
  kiosk_id        TEXT NOT NULL,
  symptom_id      TEXT NOT NULL,
  prescription_id TEXT NOT NULL,
  at              TEXT NOT NULL,
  print_job_id    TEXT,
  vend_txn        TEXT,
  vend_state      TEXT
);
CREATE INDEX prescriptions_issued_kiosk_at ON prescriptions_issued (kiosk_id, at);
`;
