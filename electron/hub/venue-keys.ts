/**
 * The venue key: 32 random bytes per venue, made by the hub the first time a
 * kiosk of that venue needs it, and handed to the venue's kiosks over the
 * pairing exchange (HTTPS, or loopback) or their authenticated
 * `GET /v1/venue-key`. With it the kiosks seal and find the records of
 * returning visitors (`store/venue-crypto.ts`); the hub keeps those records
 * and never opens them.
 *
 * Why the hub holds the key at all: a kiosk paired next month must be able
 * to recognise last month's visitors, and it cannot wait for another kiosk
 * of the venue to be up and hand the key over. Why it keeps the key in a
 * file of its data dir (`<data>/keys/`, 0600) and never in PostgreSQL: the
 * database is what gets dumped, backed up, replicated or run on a server of
 * someone else's (`--database URL`); there it holds only keyed hashes and
 * ciphertexts, which tell nothing without the key. PostgreSQL keeps the key's
 * public id only, so a hub that lost its key file notices, makes a new key
 * and drops the records nobody can read any more.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type pg from 'pg';
import { venueKeyId } from '../services/store/venue-crypto';

export interface VenueKey {
  venue: string;
  keyId: string;
  /** base64 */
  key: string;
}

export class VenueKeys {
  private readonly cache = new Map<string, VenueKey>();

  constructor(
    private readonly dir: string,
    private readonly pool: pg.Pool,
    private readonly log: (line: string, fields?: Record<string, unknown>) => void = () => undefined,
  ) {}

  /** The venue's key, made the first time (two hub requests at once end with one key: written aside and renamed, then read back). */
  async keyFor(venue: string): Promise<VenueKey> {
    const cached = this.cache.get(venue);
    if (cached) return cached;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = join(this.dir, `venue-${createHash('sha256').update(venue).digest('hex').slice(0, 24)}.key`);
    if (!existsSync(file)) {
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(tmp, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
      if (!existsSync(file)) renameSync(tmp, file);
    }
    chmodSync(file, 0o600);
    const raw = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (raw.length !== 32) throw new Error(`the venue key file ${file} holds ${raw.length} bytes, not 32`);
    const key: VenueKey = { venue, keyId: venueKeyId(raw), key: raw.toString('base64') };
    await this.register(key);
    this.cache.set(venue, key);
    return key;
  }

  /** Records the key's id; records sealed under another key of this venue can never be opened again, so they go. */
  private async register(key: VenueKey) {
    const had = await this.pool.query<{ key_id: string }>(
      `INSERT INTO venue_keys (venue, key_id) VALUES ($1, $2)
       ON CONFLICT (venue) DO UPDATE SET key_id = excluded.key_id, created_at = now()
       RETURNING (SELECT key_id FROM venue_keys WHERE venue = $1) AS key_id`,
      [key.venue, key.keyId],
    );
    const before = had.rows[0]?.key_id;
    if (before && before !== key.keyId) {
      const gone = await this.pool.query('DELETE FROM venue_visitors WHERE venue = $1 AND key_id <> $2', [key.venue, key.keyId]);
      this.log('venue key replaced: the hub lost its key file; records under the old key were dropped', { venue: key.venue, dropped: gone.rowCount });
    }
  }
}
