/**
 * The venue's snack stock as shares: each kiosk may hand out its share on its
 * own (offline too), and the rest waits in the venue's pool. On every
 * heartbeat the hub evens the shares of the kiosks that are online: a kiosk
 * below the even share gets units from the pool (a grant), one well above it
 * is asked to give some back (a release), which fills the pool for the next
 * beat. An offline kiosk keeps its last share; nothing is taken from it.
 *
 * Nothing is counted twice: units move only through two counters that never
 * go back. `granted` (hub → kiosk) is the total the hub ever gave the kiosk;
 * the kiosk adds to its stock only the part it has not applied yet. `released`
 * (kiosk → pool) is the total the kiosk ever gave back; the hub adds to the
 * pool only the part it has not seen yet. A lost or repeated reply or beat
 * therefore moves no unit twice, and the venue's count is always the pool
 * plus every kiosk's share.
 */
import type pg from 'pg';
import type { KioskPrincipal } from './pairing';
import type { Heartbeat } from './fleet';
import { HubError } from './hub-errors';

export interface SnackReply {
  itemId: string;
  /** The total ever granted to this kiosk (it applies what it has not yet). */
  granted: number;
  /** Units the kiosk is asked to give back now (it gives what it still has). */
  release: number;
}

export async function rebalanceSnacks(db: pg.Pool, who: KioskPrincipal, snacks: Heartbeat['snacks'], now: Date, offlineAfterMs: number): Promise<SnackReply[]> {
  const out: SnackReply[] = [];
  for (const s of snacks) {
    const c = await db.connect();
    try {
      await c.query('BEGIN');
      // One item of one venue at a time: two kiosks beating together see each other's shares.
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`itda-snacks:${who.venue}:${s.itemId}`]);
      await c.query('INSERT INTO snack_pool (venue, item_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [who.venue, s.itemId]);
      await c.query('INSERT INTO snack_shares (kiosk_id, item_id, venue) VALUES ($1, $2, $3) ON CONFLICT (kiosk_id, item_id) DO UPDATE SET venue = excluded.venue', [
        who.kioskId,
        s.itemId,
        who.venue,
      ]);
      const held = (await c.query<{ pool: number; deficit: number }>('SELECT pool, deficit FROM snack_pool WHERE venue = $1 AND item_id = $2', [who.venue, s.itemId])).rows[0];
      let pool = held.pool;
      let deficit = held.deficit;
      const row = (await c.query<{ granted: string; released_seen: string }>('SELECT granted, released_seen FROM snack_shares WHERE kiosk_id = $1 AND item_id = $2', [who.kioskId, s.itemId]))
        .rows[0];
      let granted = Number(row.granted);
      const seen = Number(row.released_seen);
      // Units the kiosk gave back since the last beat the hub saw.
      if (s.released > seen) pool += s.released - seen;
      // Staff counted fewer than the shares held (restockVenueSnacks): units given back pay that off first.
      const paid = Math.min(pool, deficit);
      pool -= paid;
      deficit -= paid;
      const pending = Math.max(0, granted - s.applied);
      let share = s.stock + pending;
      const online = (
        await c.query<{ kiosk_id: string; share: number }>(
          `SELECT s.kiosk_id, s.share FROM snack_shares s JOIN kiosks k USING (kiosk_id)
           WHERE s.venue = $1 AND s.item_id = $2 AND k.revoked_at IS NULL AND k.last_heartbeat_at > $3`,
          [who.venue, s.itemId, new Date(now.getTime() - offlineAfterMs)],
        )
      ).rows;
      const others = online.filter((k) => k.kiosk_id !== who.kioskId);
      const total = pool + share + others.reduce((n, k) => n + k.share, 0) - deficit;
      const target = Math.max(0, Math.floor(total / (others.length + 1)));
      let release = 0;
      if (share < target && pool > 0) {
        const g = Math.min(target - share, pool);
        pool -= g;
        granted += g;
        share += g;
      } else if (share > target + 1) {
        release = share - target;
      }
      await c.query('UPDATE snack_pool SET pool = $3, deficit = $4 WHERE venue = $1 AND item_id = $2', [who.venue, s.itemId, pool, deficit]);
      await c.query('UPDATE snack_shares SET granted = $3, released_seen = GREATEST(released_seen, $4), share = $5, reported_at = $6 WHERE kiosk_id = $1 AND item_id = $2', [
        who.kioskId,
        s.itemId,
        granted,
        s.released,
        share,
        now,
      ]);
      await c.query('COMMIT');
      out.push({ itemId: s.itemId, granted, release });
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }
  return out;
}

export interface VenueSnack {
  itemId: string;
  /** Units waiting on the hub for the kiosks that run low. */
  pool: number;
  /** Units the venue still takes back from the shares (staff counted fewer than they held). */
  deficit: number;
  /** Every kiosk's share together (an offline kiosk's last known one counts). */
  shares: number;
  /** The venue's count: pool plus shares, less what is still to be taken back. */
  total: number;
}

/** The venue's snack count per item, as the hub's console shows it. */
export async function venueSnacks(db: pg.Pool | pg.PoolClient, venue: string, itemId?: string): Promise<VenueSnack[]> {
  const r = await db.query<{ item_id: string; pool: number; deficit: number; shares: string }>(
    `SELECT p.item_id, p.pool, p.deficit, COALESCE((SELECT SUM(share) FROM snack_shares s WHERE s.venue = p.venue AND s.item_id = p.item_id), 0) AS shares
     FROM snack_pool p WHERE p.venue = $1 AND ($2::text IS NULL OR p.item_id = $2) ORDER BY p.item_id`,
    [venue, itemId ?? null],
  );
  return r.rows.map((x) => ({ itemId: x.item_id, pool: x.pool, deficit: x.deficit, shares: Number(x.shares), total: x.pool + Number(x.shares) - x.deficit }));
}

/**
 * Staff on the hub restock the venue: `add` units delivered (they go to the
 * pool, after paying off any deficit), or `set` the count staff made of the
 * whole venue. A count above the shares puts the rest in the pool; a count
 * below them empties the pool and records the difference as a deficit, which
 * the next heartbeats take back from the kiosks' shares (never from what a
 * kiosk does not have). The shares move to the kiosks as today, on their
 * heartbeats. The door records the action in `staff_actions`.
 */
export async function restockVenueSnacks(db: pg.Pool, venue: string, itemId: string, change: { add: number } | { set: number }): Promise<VenueSnack> {
  const c = await db.connect();
  try {
    await c.query('BEGIN');
    await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`itda-snacks:${venue}:${itemId}`]);
    const now = (await venueSnacks(c, venue, itemId))[0];
    if (!now) throw new HubError('hub.not_found', `no kiosk of venue "${venue}" has reported snack "${itemId}" yet: the item must be in a kiosk's store settings first`);
    let { pool, deficit } = now;
    if ('add' in change) {
      const paid = Math.min(change.add, deficit);
      deficit -= paid;
      pool += change.add - paid;
    } else if (change.set >= now.shares) {
      pool = change.set - now.shares;
      deficit = 0;
    } else {
      pool = 0;
      deficit = now.shares - change.set;
    }
    await c.query('UPDATE snack_pool SET pool = $3, deficit = $4 WHERE venue = $1 AND item_id = $2', [venue, itemId, pool, deficit]);
    await c.query('COMMIT');
    return { ...now, pool, deficit, total: pool + now.shares - deficit };
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}
