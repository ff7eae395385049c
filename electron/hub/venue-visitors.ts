/**
 * The venue's returning visitors, as the hub keeps them: a look-up key and an
 * erase key (keyed hashes under the venue key) and a ciphertext it cannot
 * open (`store/venue-crypto.ts`). No nickname, no number, nothing a dump of
 * the database could give away. Kiosks put records when a visitor agrees to
 * be recognised, ask for one by look-up key, and forget:
 *
 * - `forgets` (a visitor's request at any desk, by erase key): every record of
 *   that number goes, and a note of the erase key (no more than the hash)
 *   stays for the retention window so kiosks that were away forget their own
 *   copies when they return;
 * - `expires` (a kiosk's retention ended): the record goes only if no kiosk
 *   refreshed it within the retention window;
 * - and the hub itself drops every record and note past its window
 *   (`purgeVenueVisitors`, hourly), whatever the kiosks do.
 */
import type pg from 'pg';
import { z } from 'zod';
import type { KioskPrincipal } from './pairing';

const hex = z.string().regex(/^[0-9a-f]{64}$/, 'a keyed hash (64 hex digits)');
const keyId = z.string().regex(/^[0-9a-f]{16}$/);

export const venueVisitorBatchSchema = z
  .object({
    keyId,
    /** The sending kiosk's retention (days since last visit); the hub forgets by it. */
    retentionDays: z.number().int().min(1).max(3650),
    puts: z.array(z.object({ lookup: hex, eraseKey: hex, record: z.string().min(10).max(1000) }).strict()).max(500),
    forgets: z.array(hex).max(500),
    expires: z.array(hex).max(500),
    /** The last forgetting note this kiosk applied. */
    since: z.number().int().min(0),
  })
  .strict();
export type VenueVisitorBatch = z.infer<typeof venueVisitorBatchSchema>;

export const recallSchema = z.object({ keyId, lookup: hex }).strict();
export const recallManySchema = z.object({ keyId, lookups: z.array(hex).max(500) }).strict();

export class VenueKeyMismatch extends Error {}

const DAY_MS = 86_400_000;

/** One batch in one transaction; answers the forgetting notes of the venue since `since` (at most 1,000 per answer). */
export async function applyVenueVisitorBatch(
  pool: pg.Pool,
  who: KioskPrincipal,
  currentKeyId: string,
  b: VenueVisitorBatch,
  now: Date,
): Promise<{ forgotten: string[]; cursor: number }> {
  // Records sealed under another key (the hub lost its key file and made a new one) could never be opened: the kiosk takes the new key first.
  if (b.keyId !== currentKeyId) throw new VenueKeyMismatch(`this kiosk holds venue key ${b.keyId}, the venue's is ${currentKeyId}`);
  const expiresAt = new Date(now.getTime() + b.retentionDays * DAY_MS);
  // Most rounds only ask for news (every heartbeat): one read, no transaction.
  if (b.puts.length + b.forgets.length + b.expires.length === 0) return forgottenSince(pool, who.venue, b.since);
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    for (const p of b.puts) {
      await c.query(
        `INSERT INTO venue_visitors (venue, lookup, erase_key, key_id, record, kiosk_id, updated_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (venue, lookup) DO UPDATE SET erase_key = excluded.erase_key, key_id = excluded.key_id, record = excluded.record,
           kiosk_id = excluded.kiosk_id, updated_at = excluded.updated_at, expires_at = excluded.expires_at`,
        [who.venue, p.lookup, p.eraseKey, b.keyId, p.record, who.kioskId, now, expiresAt],
      );
    }
    for (const e of b.forgets) {
      await c.query('DELETE FROM venue_visitors WHERE venue = $1 AND erase_key = $2', [who.venue, e]);
      await c.query('INSERT INTO venue_forgotten (venue, erase_key, kiosk_id, at, expires_at) VALUES ($1, $2, $3, $4, $5)', [who.venue, e, who.kioskId, now, expiresAt]);
    }
    if (b.expires.length) {
      // Kept when any kiosk refreshed it within this kiosk's window: the visitor still comes, elsewhere.
      await c.query('DELETE FROM venue_visitors WHERE venue = $1 AND lookup = ANY($2) AND updated_at < $3', [
        who.venue,
        b.expires,
        new Date(now.getTime() - b.retentionDays * DAY_MS),
      ]);
    }
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
  return forgottenSince(pool, who.venue, b.since);
}

/** The venue's forgetting notes after `since` (at most 1,000), and the cursor to ask from next. */
async function forgottenSince(pool: pg.Pool, venue: string, since: number): Promise<{ forgotten: string[]; cursor: number }> {
  const notes = await pool.query<{ id: string; erase_key: string }>('SELECT id, erase_key FROM venue_forgotten WHERE venue = $1 AND id > $2 ORDER BY id LIMIT 1000', [venue, since]);
  const last = notes.rows.at(-1);
  return { forgotten: notes.rows.map((n) => n.erase_key), cursor: last ? Number(last.id) : since };
}

/** The sealed record of a look-up key in the kiosk's venue, or null (never another venue's, never one past its window). */
export async function recallVenueVisitor(pool: pg.Pool, who: KioskPrincipal, lookup: string, keyIdOfKiosk: string, now: Date): Promise<{ record: string | null }> {
  const r = await pool.query<{ record: string }>(
    'SELECT record FROM venue_visitors WHERE venue = $1 AND lookup = $2 AND key_id = $3 AND expires_at > $4',
    [who.venue, lookup, keyIdOfKiosk, now],
  );
  return { record: r.rows[0]?.record ?? null };
}

/** The sealed records of several look-up keys (a kiosk merges what it knows with them before it puts). */
export async function recallVenueVisitors(pool: pg.Pool, who: KioskPrincipal, lookups: string[], keyIdOfKiosk: string, now: Date): Promise<{ records: { lookup: string; record: string }[] }> {
  if (lookups.length === 0) return { records: [] };
  const r = await pool.query<{ lookup: string; record: string }>(
    'SELECT lookup, record FROM venue_visitors WHERE venue = $1 AND lookup = ANY($2) AND key_id = $3 AND expires_at > $4',
    [who.venue, lookups, keyIdOfKiosk, now],
  );
  return { records: r.rows };
}

/** Drops records and forgetting notes past their window; returns how many of each. */
export async function purgeVenueVisitors(pool: pg.Pool, now: Date): Promise<{ records: number; notes: number }> {
  const records = await pool.query('DELETE FROM venue_visitors WHERE expires_at <= $1', [now]);
  const notes = await pool.query('DELETE FROM venue_forgotten WHERE expires_at <= $1', [now]);
  return { records: records.rowCount ?? 0, notes: notes.rowCount ?? 0 };
}
