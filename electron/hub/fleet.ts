/**
 * The fleet: each kiosk's last heartbeat (every 15 s) and what the venue's
 * staff see across kiosks. A kiosk is offline when its last heartbeat is
 * older than `offlineAfterMs` (45 s: three missed beats), judged at read
 * time on the hub's clock, so a kiosk that stops is shown offline without
 * anyone writing anything.
 */
import { z } from 'zod';
import type pg from 'pg';
import type { KioskPrincipal } from './pairing';

export const OFFLINE_AFTER_MS = 45_000;

export const heartbeatSchema = z
  .object({
    version: z.string().max(40),
    printer: z
      .object({ state: z.string().max(40), paperNearEnd: z.boolean(), faults: z.array(z.string().max(60)).max(20) })
      .strict()
      .nullable(),
    vending: z
      .object({ linkUp: z.boolean().nullable(), slots: z.number().int().min(0), emptySlots: z.number().int().min(0), stock: z.number().int().min(0) })
      .strict()
      .nullable(),
    lastVisitorEventAt: z.iso.datetime().nullable(),
    outbox: z.object({ events: z.number().int().min(0), oldestAt: z.iso.datetime().nullable() }).strict(),
    snacks: z
      .array(
        z
          .object({
            itemId: z.string().min(1).max(64),
            stock: z.number().int().min(0),
            low: z.boolean(),
            /** The hub's grants this kiosk has added to its stock, and the units it gave back (snack-shares.ts). */
            applied: z.number().int().min(0).default(0),
            released: z.number().int().min(0).default(0),
          })
          .strict(),
      )
      .max(50)
      .default([]),
    /** Bookings made while the hub was away, not yet confirmed: the reply says what became of each. */
    pendingBookings: z.array(z.string().min(1).max(64)).max(200).default([]),
  })
  .strict();
export type Heartbeat = z.infer<typeof heartbeatSchema>;

/** Records the beat; answers the hub's mark and the kiosk's alerts that staff acknowledged on the hub. */
export async function recordHeartbeat(pool: pg.Pool, who: KioskPrincipal, beat: Heartbeat, now = new Date()) {
  const pending = beat.pendingBookings;
  const r = await pool.query<{ acked_seq: string }>('UPDATE kiosks SET last_heartbeat_at = $2, heartbeat = $3 WHERE kiosk_id = $1 RETURNING acked_seq', [
    who.kioskId,
    now,
    JSON.stringify(beat),
  ]);
  const acked = await pool.query<{ alert_id: string; acknowledged_at: Date; acknowledged_by: string | null }>(
    `SELECT alert_id, acknowledged_at, acknowledged_by FROM alerts
     WHERE kiosk_id = $1 AND acknowledged_at > $2::timestamptz - interval '1 day' AND acknowledged_by LIKE 'hub:%'`,
    [who.kioskId, now],
  );
  // What became of the bookings this kiosk made while the hub was away (it asks by id).
  const settled = pending.length
    ? (await pool.query<{ booking_id: string; state: string }>('SELECT booking_id, state FROM bookings WHERE kiosk_id = $1 AND booking_id = ANY($2)', [who.kioskId, pending])).rows
    : [];
  return {
    ackedSeq: Number(r.rows[0]?.acked_seq ?? 0),
    bookings: settled.map((b) => ({ bookingId: b.booking_id, state: b.state })),
    acknowledgedAlerts: acked.rows.map((a) => ({ alertId: a.alert_id, at: a.acknowledged_at.toISOString(), by: a.acknowledged_by ?? 'hub' })),
  };
}

export interface FleetKiosk {
  kioskId: string;
  venue: string;
  online: boolean;
  lastHeartbeatAt: string | null;
  revoked: boolean;
  ackedSeq: number;
  heartbeat: Heartbeat | null;
}

export async function fleet(pool: pg.Pool, now = new Date(), offlineAfterMs = OFFLINE_AFTER_MS): Promise<FleetKiosk[]> {
  const r = await pool.query<{ kiosk_id: string; venue: string; last_heartbeat_at: Date | null; revoked_at: Date | null; acked_seq: string; heartbeat: Heartbeat | null }>(
    'SELECT kiosk_id, venue, last_heartbeat_at, revoked_at, acked_seq, heartbeat FROM kiosks ORDER BY venue, kiosk_id',
  );
  return r.rows.map((k) => ({
    kioskId: k.kiosk_id,
    venue: k.venue,
    online: !k.revoked_at && k.last_heartbeat_at !== null && now.getTime() - k.last_heartbeat_at.getTime() < offlineAfterMs,
    lastHeartbeatAt: k.last_heartbeat_at?.toISOString() ?? null,
    revoked: k.revoked_at !== null,
    ackedSeq: Number(k.acked_seq),
    heartbeat: k.heartbeat,
  }));
}

export interface HubAlert {
  kioskId: string;
  alertId: string;
  kind: string;
  at: string;
  detail: unknown;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

/** Every kiosk's alerts, crisis first, then newest first. */
export async function listAlerts(pool: pg.Pool, opts: { includeAcknowledged?: boolean; limit?: number } = {}): Promise<HubAlert[]> {
  const r = await pool.query(
    `SELECT kiosk_id, alert_id, kind, at, detail, acknowledged_at, acknowledged_by FROM alerts
     ${opts.includeAcknowledged ? '' : 'WHERE acknowledged_at IS NULL'}
     ORDER BY acknowledged_at IS NOT NULL, kind <> 'crisis', at DESC LIMIT $1`,
    [Math.min(opts.limit ?? 200, 1000)],
  );
  return r.rows.map((a) => ({
    kioskId: a.kiosk_id,
    alertId: a.alert_id,
    kind: a.kind,
    at: a.at.toISOString(),
    detail: a.detail,
    acknowledgedAt: a.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: a.acknowledged_by,
  }));
}

/** Acknowledged on the hub: the kiosk hears it with its next heartbeat and clears it on its own console. */
export async function acknowledgeAlert(pool: pg.Pool, kioskId: string, alertId: string, by: string, now = new Date()): Promise<boolean> {
  const r = await pool.query('UPDATE alerts SET acknowledged_at = $3, acknowledged_by = $4 WHERE kiosk_id = $1 AND alert_id = $2 AND acknowledged_at IS NULL', [
    kioskId,
    alertId,
    now,
    `hub:${by.slice(0, 60)}`,
  ]);
  return (r.rowCount ?? 0) > 0;
}

/** Today across the venue's kiosks: counts from the events, the queue, open alerts, kiosks up. The day is a range of `at` (the Seoul day's bounds), which the BRIN index on `at` can narrow. */
export async function venueDashboard(pool: pg.Pool, day: string, now = new Date(), offlineAfterMs = OFFLINE_AFTER_MS) {
  const counts = await pool.query<{ venue: string; type: string; n: string }>(
    `SELECT k.venue, e.type, COUNT(*) AS n FROM events e JOIN kiosks k USING (kiosk_id)
     WHERE e.at >= ($1::date::timestamp AT TIME ZONE 'Asia/Seoul') AND e.at < (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Seoul')
       AND e.type IN ('visitor.session_started', 'store.visit_started', 'pharmacy.prescribed', 'store.snack_taken', 'store.crisis', 'pharmacy.crisis', 'staff.called')
     GROUP BY k.venue, e.type`,
    [day],
  );
  const queue = await pool.query<{ venue: string; waiting: string; total: string }>(
    `SELECT venue, COUNT(*) FILTER (WHERE state IN ('waiting', 'called')) AS waiting, COUNT(*) AS total FROM tickets WHERE day = $1 GROUP BY venue`,
    [day],
  );
  const alerts = await pool.query<{ venue: string; open: string }>(
    'SELECT k.venue, COUNT(*) AS open FROM alerts a JOIN kiosks k USING (kiosk_id) WHERE a.acknowledged_at IS NULL GROUP BY k.venue',
  );
  const kiosks = await fleet(pool, now, offlineAfterMs);
  type VenueDay = {
    venue: string;
    day: string;
    counts: Record<string, number>;
    queue: { waiting: number; total: number };
    openAlerts: number;
    kiosks: { online: number; offline: number };
    /** Snack stock across the venue's kiosks, per item, from each kiosk's last heartbeat (an offline kiosk's last known share counts). */
    snacks: Record<string, { stock: number; kiosksLow: number }>;
  };
  const venues = new Map<string, VenueDay>();
  const v = (name: string) => {
    if (!venues.has(name)) venues.set(name, { venue: name, day, counts: {}, queue: { waiting: 0, total: 0 }, openAlerts: 0, kiosks: { online: 0, offline: 0 }, snacks: {} });
    return venues.get(name)!;
  };
  for (const r of counts.rows) v(r.venue).counts[r.type] = Number(r.n);
  for (const r of queue.rows) v(r.venue).queue = { waiting: Number(r.waiting), total: Number(r.total) };
  for (const r of alerts.rows) v(r.venue).openAlerts = Number(r.open);
  for (const k of kiosks) {
    if (k.revoked) continue;
    const venue = v(k.venue);
    venue.kiosks[k.online ? 'online' : 'offline']++;
    for (const s of k.heartbeat?.snacks ?? []) {
      const item = (venue.snacks[s.itemId] ??= { stock: 0, kiosksLow: 0 });
      item.stock += s.stock;
      if (s.low) item.kiosksLow++;
    }
  }
  // With shares on the hub, the venue's count is the pool plus every kiosk's share (grants not yet applied included), less a deficit staff counted.
  const shared = await pool.query<{ venue: string; item_id: string; total: string }>(
    `SELECT venue, item_id, SUM(n) AS total FROM (
       SELECT venue, item_id, share AS n FROM snack_shares
       UNION ALL SELECT venue, item_id, pool - deficit AS n FROM snack_pool) x
     GROUP BY venue, item_id`,
  );
  for (const r of shared.rows) {
    if (!venues.has(r.venue)) continue;
    (v(r.venue).snacks[r.item_id] ??= { stock: 0, kiosksLow: 0 }).stock = Number(r.total);
  }
  return [...venues.values()];
}
