/**
 * Trust at the edge:
 * - staff alerts can join repeats (a crisis tapped again within a visit adds
 *   to the open alert's count instead of burying staff in new alerts);
 * - enrolled staff devices on the venue LAN, and their one-time pairing
 *   codes. Only hashes of codes and credentials are kept: a copy of the
 *   database does not let anyone pose as a tablet.
 */
export const sql = `
ALTER TABLE staff_alerts ADD COLUMN join_key TEXT;
ALTER TABLE staff_alerts ADD COLUMN repeat_count INTEGER NOT NULL DEFAULT 1;
ALTER TABLE staff_alerts ADD COLUMN last_at TEXT;
CREATE INDEX staff_alerts_join ON staff_alerts (join_key, acknowledged_at);

CREATE TABLE staff_devices (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  credential_hash  TEXT NOT NULL UNIQUE,
  enrolled_at      TEXT NOT NULL,
  enrolled_by      TEXT NOT NULL,
  last_seen_at     TEXT,
  revoked_at       TEXT
);

CREATE TABLE staff_pairing_codes (
  code_hash   TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT,
  device_id   TEXT
);
`;
