/**
 * Staff console: PINs (scrypt hashes, never the PIN), the wrong-PIN counter
 * that survives a restart, and host-side slot holds (a slot staff took out of
 * service stays out, whatever the cabinet's SLOT_INFO says later).
 */
export const sql = `
CREATE TABLE staff_pins (
  id          TEXT PRIMARY KEY,
  role        TEXT NOT NULL CHECK (role IN ('staff', 'technician', 'admin')),
  label       TEXT NOT NULL,
  salt        TEXT NOT NULL,
  hash        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  removed_at  TEXT
);

-- One row per place a PIN is typed ('kiosk'): five wrong in a row lock it for five minutes.
CREATE TABLE staff_lockout (
  scope        TEXT PRIMARY KEY,
  failures     INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT
);

CREATE TABLE vending_slot_holds (
  slot     INTEGER PRIMARY KEY,
  held_at  TEXT NOT NULL,
  held_by  TEXT NOT NULL
);
`;
