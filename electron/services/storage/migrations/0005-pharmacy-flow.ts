/**
 * The Mind Pharmacy flow's bookkeeping on issued prescriptions: the visitor
 * session's request id (one prescription per session, whatever the taps),
 * the language it was given in, and the print outcome.
 */
export const sql = `
ALTER TABLE prescriptions_issued ADD COLUMN request_id TEXT;
ALTER TABLE prescriptions_issued ADD COLUMN language TEXT;
ALTER TABLE prescriptions_issued ADD COLUMN print_state TEXT;
CREATE UNIQUE INDEX prescriptions_issued_request ON prescriptions_issued (request_id) WHERE request_id IS NOT NULL;

CREATE TABLE pharmacy_crisis_requests (
  request_id TEXT PRIMARY KEY,
  kiosk_id   TEXT NOT NULL,
  at         TEXT NOT NULL,
  alert_id   TEXT NOT NULL,
  print_job_id TEXT
);
`;
