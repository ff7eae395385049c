/**
 * The Seoul Mind Convenience Store check-in. Personal data sits only in
 * `store_visitors` (nickname; phone as AES-256-GCM ciphertext plus a keyed
 * hash for look-up; the key is outside the database) and is deleted on
 * retention or request. Visits, self-check answers, snacks, queue entries
 * and bookings keep only a pseudonymous visitor id, set to NULL on erasure,
 * so the city's aggregate counts survive.
 */
export const sql = `
CREATE TABLE store_visitors (
  id            TEXT PRIMARY KEY,
  nickname      TEXT NOT NULL,
  phone_enc     TEXT NOT NULL,
  phone_hash    TEXT NOT NULL UNIQUE,
  first_visit_at TEXT NOT NULL,
  last_visit_at TEXT NOT NULL
);
CREATE INDEX store_visitors_last_visit ON store_visitors (last_visit_at);

CREATE TABLE store_visits (
  id           TEXT PRIMARY KEY,
  request_id   TEXT NOT NULL UNIQUE,
  kiosk_id     TEXT NOT NULL,
  day          TEXT NOT NULL,
  at           TEXT NOT NULL,
  consent      INTEGER NOT NULL,
  visitor_id   TEXT REFERENCES store_visitors(id) ON DELETE SET NULL,
  is_return    INTEGER NOT NULL DEFAULT 0,
  talk         TEXT,
  print_job_id TEXT,
  print_state  TEXT,
  completed_at TEXT
);
CREATE INDEX store_visits_day ON store_visits (day);
CREATE INDEX store_visits_visitor ON store_visits (visitor_id) WHERE visitor_id IS NOT NULL;

CREATE TABLE store_self_checks (
  id          TEXT PRIMARY KEY,
  visit_id    TEXT NOT NULL UNIQUE REFERENCES store_visits(id),
  visitor_id  TEXT REFERENCES store_visitors(id) ON DELETE SET NULL,
  at          TEXT NOT NULL,
  companionship INTEGER NOT NULL,
  left_out    INTEGER NOT NULL,
  isolated    INTEGER NOT NULL,
  contact     INTEGER NOT NULL,
  helper      INTEGER NOT NULL,
  ucla_score  INTEGER NOT NULL,
  suggest_talk INTEGER NOT NULL
);
CREATE INDEX store_self_checks_visitor ON store_self_checks (visitor_id, at) WHERE visitor_id IS NOT NULL;

CREATE TABLE store_snack_stock (
  item_id       TEXT PRIMARY KEY,
  stock         INTEGER NOT NULL CHECK (stock >= 0),
  low_threshold INTEGER,
  updated_at    TEXT NOT NULL
);

CREATE TABLE store_snacks_taken (
  id       TEXT PRIMARY KEY,
  visit_id TEXT NOT NULL REFERENCES store_visits(id),
  item_id  TEXT NOT NULL,
  at       TEXT NOT NULL
);
CREATE INDEX store_snacks_taken_visit ON store_snacks_taken (visit_id);

CREATE TABLE store_queue (
  id         TEXT PRIMARY KEY,
  day        TEXT NOT NULL,
  number     INTEGER NOT NULL,
  visit_id   TEXT NOT NULL UNIQUE REFERENCES store_visits(id),
  kiosk_id   TEXT NOT NULL,
  state      TEXT NOT NULL CHECK (state IN ('waiting', 'called', 'talked', 'no_show')),
  joined_at  TEXT NOT NULL,
  called_at  TEXT,
  done_at    TEXT,
  UNIQUE (day, number)
);
CREATE INDEX store_queue_day_state ON store_queue (day, state, number);

CREATE TABLE store_bookings (
  id           TEXT PRIMARY KEY,
  ref          TEXT NOT NULL UNIQUE,
  slot_start   TEXT NOT NULL,
  slot_minutes INTEGER NOT NULL,
  visit_id     TEXT NOT NULL REFERENCES store_visits(id),
  visitor_id   TEXT REFERENCES store_visitors(id) ON DELETE SET NULL,
  state        TEXT NOT NULL CHECK (state IN ('booked', 'cancelled')),
  booked_at    TEXT NOT NULL,
  cancelled_at TEXT
);
-- One visitor per slot: the second of two kiosks booking the same slot fails here, whatever the timing.
CREATE UNIQUE INDEX store_bookings_slot ON store_bookings (slot_start) WHERE state = 'booked';
CREATE UNIQUE INDEX store_bookings_visit ON store_bookings (visit_id) WHERE state = 'booked';

CREATE TABLE store_crisis_requests (
  request_id TEXT PRIMARY KEY,
  kiosk_id   TEXT NOT NULL,
  at         TEXT NOT NULL,
  alert_id   TEXT NOT NULL
);
`;
