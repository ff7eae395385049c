/**
 * The staff door (issue 11):
 * - `staff_setup_codes`: the one-time code the first admin needs; only its
 *   scrypt hash is kept, `used_at` is set when it is spent, and issuing a new
 *   one deletes the unspent ones.
 * - `staff_pins.params`: the hash parameters stored with each PIN hash, so a
 *   stronger setting never breaks a PIN set earlier (NULL: the first
 *   release's scrypt N=2^14, r=8, p=1).
 * - `staff_lockout.lockouts`: how many times a scope (the kiosk's own pad, one
 *   device, one peer address) has been locked, for the growing back-off.
 */
export const sql = `
CREATE TABLE staff_setup_codes (
  id          TEXT PRIMARY KEY,
  salt        TEXT NOT NULL,
  hash        TEXT NOT NULL,
  params      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  used_at     TEXT
);
ALTER TABLE staff_pins ADD COLUMN params TEXT;
ALTER TABLE staff_lockout ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0;
`;
