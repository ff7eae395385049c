/**
 * Joining a kiosk to the hub. A technician runs `npm run hub -- pair --kiosk
 * ID`: a one-time code (10 minutes, single use, stored as a hash). The kiosk
 * trades it once for a random device credential `ID.SECRET`; the hub keeps
 * only the secret's hash, and revoking the kiosk ends it. The codes and
 * secrets are random (not PINs), so a plain SHA-256 is the right hash: there
 * is nothing to guess by brute force.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { HubError } from './hub-errors';

export const PAIR_CODE_TTL_MS = 10 * 60_000;
/** No 0/O, 1/I/L: read off a screen and typed on a kiosk pad by a person. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const KIOSK_ID = /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** "ABCD-EFGH-JK": 10 symbols of 31, about 50 bits. */
export function newPairCode(): string {
  const chars = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** What a person may type: case, spaces and dashes do not matter. */
export function normalizePairCode(code: string): string {
  const c = code.toUpperCase().replace(/[\s-]/g, '');
  return c.length === 10 ? `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}` : c;
}

export async function createPairCode(db: pg.Pool, kioskId: string, venue: string, now = new Date()): Promise<string> {
  if (!KIOSK_ID.test(kioskId)) throw new HubError('hub.bad_request', `"${kioskId}" is not a kiosk id: lowercase letters, digits and dashes, 3 to 40 characters`);
  const code = newPairCode();
  await db.query('INSERT INTO pair_codes (code_hash, kiosk_id, venue, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    sha256(code),
    kioskId,
    venue,
    now,
    new Date(now.getTime() + PAIR_CODE_TTL_MS),
  ]);
  return code;
}

/** A, B, … Z, then AA, AB, …: the n-th letter block of a venue (0-based). */
export function ticketLetter(n: number): string {
  return n < 26 ? String.fromCharCode(65 + n) : ticketLetter(Math.floor(n / 26) - 1) + String.fromCharCode(65 + (n % 26));
}

/**
 * Uses the code (once) and returns the kiosk's new credential and its
 * offline ticket letter (kept across re-pairing; the first free one of the
 * venue otherwise). A second pairing replaces the first credential.
 */
export async function redeemPairCode(db: pg.Pool, kioskId: string, code: string, now = new Date()): Promise<{ credential: string; venue: string; ticketLetter: string }> {
  const used = await db.query<{ venue: string }>(
    `UPDATE pair_codes SET used_at = $3 WHERE code_hash = $1 AND kiosk_id = $2 AND used_at IS NULL AND expires_at > $3 RETURNING venue`,
    [sha256(normalizePairCode(code)), kioskId, now],
  );
  if (used.rowCount === 0) throw new HubError('hub.pair_code_invalid', 'the pairing code is wrong, used or expired: make a new one with `npm run hub -- pair`');
  const venue = used.rows[0].venue;
  const secret = randomBytes(32).toString('base64url');
  {
    const c = await db.connect();
    try {
      await c.query('BEGIN');
      // Kiosks of one venue pair one at a time, so two never choose the same free letter.
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`itda-hub-letters:${venue}`]);
      const mine = (await c.query<{ ticket_letter: string | null; venue: string }>('SELECT ticket_letter, venue FROM kiosks WHERE kiosk_id = $1 FOR UPDATE', [kioskId])).rows[0];
      let letter = mine?.venue === venue ? mine.ticket_letter : null;
      if (!letter) {
        const taken = new Set((await c.query<{ ticket_letter: string }>('SELECT ticket_letter FROM kiosks WHERE venue = $1 AND ticket_letter IS NOT NULL', [venue])).rows.map((r) => r.ticket_letter));
        let n = 0;
        while (taken.has(ticketLetter(n))) n++;
        letter = ticketLetter(n);
      }
      await c.query(
        `INSERT INTO kiosks (kiosk_id, venue, credential_hash, paired_at, ticket_letter) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (kiosk_id) DO UPDATE SET venue = excluded.venue, credential_hash = excluded.credential_hash, paired_at = excluded.paired_at,
           ticket_letter = excluded.ticket_letter, revoked_at = NULL`,
        [kioskId, venue, sha256(secret), now, letter],
      );
      await c.query('COMMIT');
      return { credential: `${kioskId}.${secret}`, venue, ticketLetter: letter };
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }
}

export interface KioskPrincipal {
  kioskId: string;
  venue: string;
}

/** `Authorization: Bearer ID.SECRET` → the kiosk, or a 401/403. */
export async function authenticateKiosk(db: pg.Pool, authorization: string | undefined): Promise<KioskPrincipal> {
  const m = /^Bearer ([a-z0-9-]+)\.([A-Za-z0-9_-]{20,})$/.exec(authorization ?? '');
  if (!m) throw new HubError('hub.unauthorized', 'this kiosk is not paired with the hub');
  const row = (await db.query<{ venue: string; credential_hash: string | null; revoked_at: Date | null }>('SELECT venue, credential_hash, revoked_at FROM kiosks WHERE kiosk_id = $1', [m[1]])).rows[0];
  if (!row?.credential_hash || !sameHash(row.credential_hash, sha256(m[2]))) throw new HubError('hub.unauthorized', 'this kiosk is not paired with the hub');
  if (row.revoked_at) throw new HubError('hub.kiosk_revoked', 'this kiosk was removed from the hub: pair it again');
  return { kioskId: m[1], venue: row.venue };
}

export async function revokeKiosk(db: pg.Pool, kioskId: string, now = new Date()): Promise<boolean> {
  return ((await db.query('UPDATE kiosks SET revoked_at = $2 WHERE kiosk_id = $1 AND revoked_at IS NULL', [kioskId, now])).rowCount ?? 0) > 0;
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
