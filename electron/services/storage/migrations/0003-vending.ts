/**
 * Vending: the TXN counter, slots with stock and state, gift requests and the
 * vend transaction log (protocol v1.1, "Host state machine for one vend").
 * A vend row is written as `sending` before the first byte of its DISPENSE.
 */
export const sql = `
-- One row. TXNs are never reused: the counter only moves forward (mod 2^32)
-- and is seeded at random at first install, so a reinstall does not repeat recent TXNs.
CREATE TABLE vending_counter (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  last_txn INTEGER NOT NULL CHECK (last_txn BETWEEN 0 AND 4294967295)
);

-- Stock lives here, not in config: seeded from config at first start (capacity as the count).
-- state is the host's service state (ok, empty, jammed, disabled); board_state mirrors SLOT_INFO.
CREATE TABLE vending_slots (
  slot        INTEGER PRIMARY KEY CHECK (slot BETWEEN 1 AND 255),
  category    TEXT NOT NULL,
  item_ko     TEXT NOT NULL,
  item_en     TEXT NOT NULL,
  capacity    INTEGER NOT NULL CHECK (capacity >= 0),
  count       INTEGER NOT NULL CHECK (count >= 0),
  state       TEXT NOT NULL DEFAULT 'ok' CHECK (state IN ('ok', 'empty', 'jammed', 'disabled')),
  board_state TEXT CHECK (board_state IN ('ok', 'empty', 'jammed', 'disabled')),
  updated_at  TEXT NOT NULL
);

-- One row per visitor gift request; request_id makes vendGift idempotent.
CREATE TABLE vend_requests (
  request_id  TEXT PRIMARY KEY,
  category    TEXT NOT NULL,
  reason      TEXT NOT NULL,
  state       TEXT NOT NULL DEFAULT 'pending',
  txn         INTEGER,
  slot        INTEGER,
  code        TEXT,
  created_at  TEXT NOT NULL,
  finished_at TEXT
);

CREATE TABLE vends (
  txn         INTEGER PRIMARY KEY CHECK (txn BETWEEN 0 AND 4294967295),
  kind        TEXT NOT NULL CHECK (kind IN ('dispense', 'motor_test')),
  request_id  TEXT REFERENCES vend_requests (request_id),
  slot        INTEGER NOT NULL,
  reason      TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('sending', 'accepted', 'delivered', 'not_delivered', 'jammed', 'unconfirmed', 'refused', 'unknown', 'passed')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  outcome     INTEGER,
  error_code  TEXT,
  raw         TEXT,
  created_at  TEXT NOT NULL,
  accepted_at TEXT,
  finished_at TEXT,
  resolved_at TEXT,
  resolution  TEXT
);
CREATE INDEX vends_in_flight ON vends (state) WHERE state IN ('sending', 'accepted');
CREATE INDEX vends_request ON vends (request_id);
`;
