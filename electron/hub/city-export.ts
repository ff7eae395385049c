/**
 * The city's export credential: a machine at the city's 고립예방센터 fetches
 * the roll-up (`/v1/rollup`, `/v1/rollup.csv`) from a scheduled job, with no
 * tablet and no PIN. The venue's technician makes one per reader
 * (`npm run hub -- city-token --name "seoul-center"`); it is printed once and
 * the hub keeps only its SHA-256 (32 random bytes: a fast hash is enough, as
 * for device credentials), with the name and the time it was made. The door
 * (`hub-access.ts`) lets it read the roll-up and nothing else, and every fetch
 * is written down (who, which days, when) so the venue sees what the city took.
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { HubError } from './hub-errors';
import { cleanDeviceName, deviceSecretHash } from '../services/staff/staff-devices';
import { ulid } from '../services/storage/ids';

export const CITY_TOKEN_PREFIX = 'itda_city_';
const TOKEN_SHAPE = /^Bearer (itda_city_[A-Za-z0-9_-]{43})$/;

/** Who fetched: the token's row, by its name. */
export interface CityReader {
  tokenId: string;
  name: string;
}

export interface CityTokenRow {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CityReadRow {
  at: string;
  name: string;
  route: string;
  from: string;
  to: string;
  rows: number;
}

const UNKNOWN = 'this city export token is not known, or was revoked: ask the venue for a new one (npm run hub -- city-token --name NAME on the hub)';

/** A new token for `name`, shown only in this answer. One live token per name. */
export async function createCityToken(pool: pg.Pool, name: string, by: string, now = new Date()): Promise<{ id: string; name: string; token: string; createdAt: string }> {
  const clean = cleanDeviceName(name);
  if (!clean) throw new HubError('hub.bad_request', 'a city reader’s name is 1 to 40 characters with no control characters, for example --name "seoul-center"');
  const token = CITY_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const id = ulid(now.getTime());
  try {
    await pool.query('INSERT INTO city_tokens (id, name, token_hash, created_at, created_by) VALUES ($1, $2, $3, $4, $5)', [id, clean, deviceSecretHash(token), now, by]);
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err;
    throw new HubError(
      'hub.bad_request',
      `"${clean}" already has a live token: revoke it first (npm run hub -- revoke-city-token --name "${clean}"), or give the new one another name (such as "${clean}-2") and revoke the old one once the city uses the new one`,
    );
  }
  return { id, name: clean, token, createdAt: now.toISOString() };
}

/** Ends the live token of `name` at once; false when there was none. */
export async function revokeCityToken(pool: pg.Pool, name: string, now = new Date()): Promise<boolean> {
  const r = await pool.query('UPDATE city_tokens SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL', [name.trim(), now]);
  return (r.rowCount ?? 0) > 0;
}

/** The reader behind an `Authorization: Bearer itda_city_…` header, or 401. */
export async function authenticateCity(pool: pg.Pool, authorization: string | undefined): Promise<CityReader> {
  const m = TOKEN_SHAPE.exec(authorization ?? '');
  if (!m) throw new HubError('hub.unauthorized', UNKNOWN);
  const row = (await pool.query<{ id: string; name: string }>('SELECT id, name FROM city_tokens WHERE token_hash = $1 AND revoked_at IS NULL', [deviceSecretHash(m[1])])).rows[0];
  if (!row) throw new HubError('hub.unauthorized', UNKNOWN);
  return { tokenId: row.id, name: row.name };
}

/** Whether a request carries a city token at all (the door then takes the city's way). */
export const carriesCityToken = (authorization: string | undefined): boolean => (authorization ?? '').startsWith(`Bearer ${CITY_TOKEN_PREFIX}`);

/** One fetch, written down: who, which days, how many rows, when, from where. */
export async function recordCityRead(
  pool: pg.Pool,
  reader: CityReader,
  read: { route: string; from: string; to: string; rows: number; peer: string | null },
  now = new Date(),
): Promise<void> {
  await pool.query('INSERT INTO city_reads (at, token_id, route, from_day, to_day, row_count, peer) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    now,
    reader.tokenId,
    read.route,
    read.from,
    read.to,
    read.rows,
    read.peer,
  ]);
  await pool.query('UPDATE city_tokens SET last_used_at = $2 WHERE id = $1', [reader.tokenId, now]);
}

/** Names and dates only: never a hash. Live tokens first. */
export async function listCityTokens(pool: pg.Pool): Promise<CityTokenRow[]> {
  const r = await pool.query<{ id: string; name: string; created_at: Date; created_by: string; last_used_at: Date | null; revoked_at: Date | null }>(
    'SELECT id, name, created_at, created_by, last_used_at, revoked_at FROM city_tokens ORDER BY revoked_at IS NOT NULL, created_at DESC LIMIT 200',
  );
  return r.rows.map((x) => ({
    id: x.id,
    name: x.name,
    createdAt: x.created_at.toISOString(),
    createdBy: x.created_by,
    lastUsedAt: x.last_used_at?.toISOString() ?? null,
    revokedAt: x.revoked_at?.toISOString() ?? null,
  }));
}

/** The city's latest fetches, newest first. */
export async function recentCityReads(pool: pg.Pool, limit = 50): Promise<CityReadRow[]> {
  const r = await pool.query<{ at: Date; name: string; route: string; from_day: string; to_day: string; row_count: number }>(
    `SELECT r.at, t.name, r.route, to_char(r.from_day, 'YYYY-MM-DD') AS from_day, to_char(r.to_day, 'YYYY-MM-DD') AS to_day, r.row_count
       FROM city_reads r JOIN city_tokens t ON t.id = r.token_id ORDER BY r.id DESC LIMIT $1`,
    [limit],
  );
  return r.rows.map((x) => ({ at: x.at.toISOString(), name: x.name, route: x.route, from: x.from_day, to: x.to_day, rows: x.row_count }));
}
