/**
 * The hub's PostgreSQL schema, as numbered migrations applied at start, one
 * transaction each, recorded in `hub_schema_migrations`. As on the kiosk
 * (`storage/migrate.ts`): applied ids must be a prefix of this list, else the
 * hub refuses to start; shipped migrations are never edited (additive only).
 */
import type pg from 'pg';
import { venueMigrationSql } from './hub-migration-0006-venue';

export interface HubMigration {
  id: number;
  name: string;
  sql: string;
}

export const hubMigrations: HubMigration[] = [
  {
    id: 1,
    name: 'init',
    sql: `
CREATE TABLE kiosks (
  kiosk_id          text PRIMARY KEY,
  venue             text NOT NULL,
  credential_hash   text,
  paired_at         timestamptz,
  revoked_at        timestamptz,
  -- everything up to this seq is in events (the outbox's high-water mark)
  acked_seq         bigint NOT NULL DEFAULT 0,
  last_heartbeat_at timestamptz,
  heartbeat         jsonb
);

-- One-time pairing codes, kept only as hashes.
CREATE TABLE pair_codes (
  code_hash  text PRIMARY KEY,
  kiosk_id   text NOT NULL,
  venue      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);

-- Every kiosk's events exactly once: a resent batch changes nothing.
CREATE TABLE events (
  kiosk_id    text NOT NULL,
  seq         bigint NOT NULL,
  id          text NOT NULL,
  at          timestamptz NOT NULL,
  type        text NOT NULL,
  payload     jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kiosk_id, seq)
);
CREATE INDEX events_type_at ON events (type, at);

-- The venue's counseling tickets: one numbering per venue and Seoul day.
CREATE TABLE ticket_days (
  venue text NOT NULL,
  day   date NOT NULL,
  last  integer NOT NULL,
  PRIMARY KEY (venue, day)
);
CREATE TABLE tickets (
  venue     text NOT NULL,
  day       date NOT NULL,
  kiosk_id  text NOT NULL,
  entry_id  text NOT NULL,
  -- the venue number (hub-issued) or NULL for a kiosk's offline block ticket
  number    integer,
  label     text NOT NULL,
  joined_at timestamptz NOT NULL,
  source    text NOT NULL CHECK (source IN ('hub', 'offline')),
  state     text NOT NULL DEFAULT 'waiting',
  PRIMARY KEY (kiosk_id, entry_id),
  UNIQUE (venue, day, number)
);
CREATE INDEX tickets_queue ON tickets (venue, day, joined_at);

-- One calendar: exactly one booked row per venue slot, whatever the kiosks do.
CREATE TABLE bookings (
  venue      text NOT NULL,
  kiosk_id   text NOT NULL,
  booking_id text NOT NULL,
  slot_start timestamptz NOT NULL,
  state      text NOT NULL CHECK (state IN ('booked', 'cancelled', 'conflict')),
  booked_at  timestamptz NOT NULL,
  PRIMARY KEY (kiosk_id, booking_id)
);
CREATE UNIQUE INDEX bookings_one_per_slot ON bookings (venue, slot_start) WHERE state = 'booked';

-- Every kiosk's staff alerts; acknowledged once for all staff devices.
CREATE TABLE alerts (
  kiosk_id        text NOT NULL,
  alert_id        text NOT NULL,
  kind            text NOT NULL,
  at              timestamptz NOT NULL,
  detail          jsonb NOT NULL DEFAULT '{}',
  acknowledged_at timestamptz,
  acknowledged_by text,
  PRIMARY KEY (kiosk_id, alert_id)
);
CREATE INDEX alerts_open ON alerts (acknowledged_at, at);

-- Keys for staff devices and the city's export beyond loopback, kept only as hashes.
CREATE TABLE staff_keys (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  key_hash   text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
`,
  },
  {
    id: 2,
    name: 'ticket-letters',
    // Each kiosk of a venue gets its own letter at pairing, for tickets it issues while the hub is away ("A-12").
    sql: `
ALTER TABLE kiosks ADD COLUMN ticket_letter text;
CREATE UNIQUE INDEX kiosks_ticket_letter ON kiosks (venue, ticket_letter);
`,
  },
  {
    id: 3,
    name: 'staff-trust',
    // The kiosk's staff rules on the hub (hub-staff.ts): PINs by role as scrypt hashes, the lockout
    // per scope, enrolled devices and their one-time codes as SHA-256 hashes, and the door's record
    // of staff actions. The keys of migration 1 are retired (staff_keys stays, unused: shipped schema is additive).
    sql: `
CREATE TABLE staff_pins (
  id         text PRIMARY KEY,
  role       text NOT NULL CHECK (role IN ('staff', 'technician', 'admin')),
  label      text NOT NULL,
  salt       text NOT NULL,
  hash       text NOT NULL,
  params     text,
  created_at timestamptz NOT NULL,
  removed_at timestamptz
);
CREATE TABLE staff_lockout (
  scope        text PRIMARY KEY,
  failures     integer NOT NULL DEFAULT 0,
  locked_until text,
  lockouts     integer NOT NULL DEFAULT 0
);
CREATE TABLE staff_pairing_codes (
  code_hash  text PRIMARY KEY,
  name       text NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  device_id  text
);
CREATE TABLE staff_devices (
  id              text PRIMARY KEY,
  name            text NOT NULL,
  credential_hash text NOT NULL UNIQUE,
  enrolled_at     timestamptz NOT NULL,
  enrolled_by     text NOT NULL,
  last_seen_at    timestamptz,
  revoked_at      timestamptz
);
CREATE TABLE staff_actions (
  id        bigserial PRIMARY KEY,
  at        timestamptz NOT NULL,
  route     text NOT NULL,
  role      text NOT NULL,
  pin_id    text NOT NULL,
  device_id text,
  peer      text,
  target    text
);
UPDATE staff_keys SET revoked_at = now() WHERE revoked_at IS NULL;
`,
  },
  {
    id: 4,
    name: 'snack-shares',
    // The venue's snack stock as per-kiosk shares plus a pool (snack-shares.ts). Units move only
    // through counters that never go back: 'granted' (hub → kiosk) and the kiosk's 'released' (kiosk → pool).
    sql: `
CREATE TABLE snack_pool (
  venue   text NOT NULL,
  item_id text NOT NULL,
  pool    integer NOT NULL DEFAULT 0 CHECK (pool >= 0),
  PRIMARY KEY (venue, item_id)
);
CREATE TABLE snack_shares (
  kiosk_id      text NOT NULL,
  item_id       text NOT NULL,
  venue         text NOT NULL,
  granted       bigint NOT NULL DEFAULT 0,
  released_seen bigint NOT NULL DEFAULT 0,
  -- the kiosk's last reported stock plus grants it has not applied yet
  share         integer NOT NULL DEFAULT 0,
  reported_at   timestamptz,
  PRIMARY KEY (kiosk_id, item_id)
);
CREATE INDEX snack_shares_venue ON snack_shares (venue, item_id);
`,
  },
  {
    id: 5,
    name: 'venue-visitors',
    // Returning visitors across the venue's kiosks (venue-visitors.ts): keyed hashes and ciphertexts the hub never opens.
    // venue_keys holds each venue key's public id, never the key (that lives in the hub's data dir, venue-keys.ts).
    sql: `
CREATE TABLE venue_keys (
  venue      text PRIMARY KEY,
  key_id     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE venue_visitors (
  venue      text NOT NULL,
  lookup     text NOT NULL,
  erase_key  text NOT NULL,
  key_id     text NOT NULL,
  record     text NOT NULL,
  kiosk_id   text NOT NULL,
  updated_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (venue, lookup)
);
CREATE INDEX venue_visitors_erase ON venue_visitors (venue, erase_key);
CREATE INDEX venue_visitors_expires ON venue_visitors (expires_at);
CREATE TABLE venue_forgotten (
  id         bigserial PRIMARY KEY,
  venue      text NOT NULL,
  erase_key  text NOT NULL,
  kiosk_id   text NOT NULL,
  at         timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX venue_forgotten_venue ON venue_forgotten (venue, id);
CREATE INDEX venue_forgotten_expires ON venue_forgotten (expires_at);
`,
  },
  { id: 6, name: 'venue', sql: venueMigrationSql },
  {
    id: 7,
    name: 'city-export',
    // The city's export credential (city-export.ts): a bearer token per named reader, kept only as
    // its SHA-256 (a long random secret: a fast hash is enough), at most one live token per name;
    // and every roll-up the city fetched (who, which days, when), for the venue to see.
    sql: `
CREATE TABLE city_tokens (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL,
  created_by   text NOT NULL,
  last_used_at timestamptz,
  revoked_at   timestamptz
);
CREATE UNIQUE INDEX city_tokens_live_name ON city_tokens (name) WHERE revoked_at IS NULL;
CREATE TABLE city_reads (
  id       bigserial PRIMARY KEY,
  at       timestamptz NOT NULL,
  token_id text NOT NULL REFERENCES city_tokens (id),
  route    text NOT NULL,
  from_day date NOT NULL,
  to_day   date NOT NULL,
  row_count integer NOT NULL,
  peer     text
);
CREATE INDEX city_reads_at ON city_reads (at);
`,
  },
  {
    id: 8,
    name: 'events-by-time',
    // Ingest (ingest.ts) pays for every index on events with every row. (type, at) served no query:
    // the roll-up and the day's dashboard select a range of `at` across all types, which a btree led
    // by type cannot narrow, so PostgreSQL read the whole table anyway, and keeping it up cost about
    // a third of PostgreSQL's work per ingested row. A BRIN index on `at` costs almost nothing to keep (events
    // arrive roughly in time order; a kiosk back from a day offline only widens a few ranges) and
    // lets a day's roll-up read that day's pages (1M events: 150 ms to 22 ms).
    sql: `
DROP INDEX IF EXISTS events_type_at;
CREATE INDEX events_at ON events USING brin (at);
`,
  },
];

export class HubMigrationError extends Error {
  readonly code = 'hub.migrations_out_of_sync';
}

/** Applies what is missing under an advisory lock (two hubs starting at once take turns). */
export async function applyHubMigrations(pool: pg.Pool, migrations: HubMigration[] = hubMigrations): Promise<number[]> {
  const c = await pool.connect();
  try {
    await c.query('SELECT pg_advisory_lock(74112)');
    await c.query(`CREATE TABLE IF NOT EXISTS hub_schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = (await c.query<{ id: number; name: string }>('SELECT id, name FROM hub_schema_migrations ORDER BY id')).rows;
    applied.forEach((a, i) => {
      const m = migrations[i];
      if (!m || m.id !== a.id || m.name !== a.name) {
        throw new HubMigrationError(`the hub database has migration ${a.id} (${a.name}) that this build does not ship at position ${i + 1}: it was written by another version of the hub`);
      }
    });
    const ran: number[] = [];
    for (const m of migrations.slice(applied.length)) {
      await c.query('BEGIN');
      try {
        await c.query(m.sql);
        await c.query('INSERT INTO hub_schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
        await c.query('COMMIT');
      } catch (err) {
        await c.query('ROLLBACK');
        throw err;
      }
      ran.push(m.id);
    }
    return ran;
  } finally {
    await c.query('SELECT pg_advisory_unlock(74112)').catch(() => undefined);
    c.release();
  }
}
