/**
 * Recognising a returning visitor across the kiosks of one venue (issue 12,
 * `store/venue-crypto.ts`). A visitor row learns its two venue keys (keyed
 * hashes under the venue key, never the key itself) and the last self-check
 * day another kiosk knew; `hub_venue_visitors` is what this kiosk owes the
 * hub (a record to share, a number to forget everywhere, a record whose
 * retention ended here), written in the visitor row's own transaction;
 * `hub_venue_cursor` is how far this kiosk has applied the forgetting asked
 * at other kiosks. Without a hub every one of them stays empty.
 */
export const sql = `
ALTER TABLE store_visitors ADD COLUMN venue_lookup TEXT;
ALTER TABLE store_visitors ADD COLUMN venue_erase TEXT;
ALTER TABLE store_visitors ADD COLUMN venue_self_check_at TEXT;
CREATE INDEX store_visitors_venue_erase ON store_visitors (venue_erase) WHERE venue_erase IS NOT NULL;

CREATE TABLE hub_venue_visitors (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  op         TEXT NOT NULL CHECK (op IN ('put', 'forget', 'expire')),
  visitor_id TEXT,
  lookup     TEXT,
  erase_key  TEXT,
  queued_at  TEXT NOT NULL
);

CREATE TABLE hub_venue_cursor (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  forgotten_seen INTEGER NOT NULL DEFAULT 0
);
`;
