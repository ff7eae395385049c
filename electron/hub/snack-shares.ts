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
      let pool = (await c.query<{ pool: number }>('SELECT pool FROM snack_pool WHERE venue = $1 AND item_id = $2', [who.venue, s.itemId])).rows[0].pool;
      const row = (await c.query<{ granted: string; released_seen: string }>('SELECT granted, released_seen FROM snack_shares WHERE kiosk_id = $1 AND item_id = $2', [who.kioskId, s.itemId]))
        .rows[0];
      let granted = Number(row.granted);
      const seen = Number(row.released_seen);
      // Units the kiosk gave back since the last beat the hub saw.
      if (s.released > seen) pool += s.released - seen;
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
      const total = pool + share + others.reduce((n, k) => n + k.share, 0);
      const target = Math.floor(total / (others.length + 1));
      let release = 0;
      if (share < target && pool > 0) {
        const g = Math.min(target - share, pool);
        pool -= g;
        granted += g;
        share += g;
      } else if (share > target + 1) {
        release = share - target;
      }
      await c.query('UPDATE snack_pool SET pool = $3 WHERE venue = $1 AND item_id = $2', [who.venue, s.itemId, pool]);
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
