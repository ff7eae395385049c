/**
 * The venue hub (issue 12). Every event gets `kiosk_seq`: a per-kiosk,
 * gap-free number given in the same INSERT as the event (see `EventLog`), so
 * "the hub has everything up to N" is one number, the outbox's high-water
 * mark. Existing events are numbered in their order (`seq`) per kiosk.
 *
 * Also here, so the hub needs one migration number only:
 * - `hub_outbox`: the last seq the hub acknowledged, per kiosk id;
 * - `hub_pending`: things done offline that the hub must confirm on
 *   reconnection (tickets from the kiosk's own block, pending bookings);
 * - `store_queue.ticket_label`: the ticket as printed when it is not the
 *   plain number ("A-12" from the kiosk's offline block, or the venue number).
 */
export const sql = `
ALTER TABLE events ADD COLUMN kiosk_seq INTEGER;

-- Numbering history needs one UPDATE; the append-only guard is put back at once.
DROP TRIGGER events_no_update;
UPDATE events SET kiosk_seq = n.rn
FROM (SELECT seq, ROW_NUMBER() OVER (PARTITION BY kiosk_id ORDER BY seq) AS rn FROM events) AS n
WHERE n.seq = events.seq;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE UNIQUE INDEX events_kiosk_seq ON events (kiosk_id, kiosk_seq);
-- ALTER TABLE cannot add NOT NULL to a filled table: this trigger is the NOT NULL.
CREATE TRIGGER events_kiosk_seq_required BEFORE INSERT ON events WHEN NEW.kiosk_seq IS NULL
BEGIN SELECT RAISE(ABORT, 'events need a kiosk_seq'); END;

CREATE TABLE hub_outbox (
  kiosk_id  TEXT PRIMARY KEY,
  acked_seq INTEGER NOT NULL DEFAULT 0,
  acked_at  TEXT
);

CREATE TABLE hub_pending (
  id       TEXT PRIMARY KEY,
  kind     TEXT NOT NULL,
  ref      TEXT NOT NULL,
  payload  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
  at       TEXT NOT NULL,
  state    TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'confirmed', 'conflict')),
  settled_at TEXT,
  UNIQUE (kind, ref)
);
CREATE INDEX hub_pending_open ON hub_pending (state, at);

ALTER TABLE store_queue ADD COLUMN ticket_label TEXT;
`;
