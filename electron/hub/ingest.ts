/**
 * Events arriving from a kiosk's outbox. One batch is one transaction:
 * the rows past the kiosk's mark go in (a batch resent after a lost reply
 * changes nothing: see `ingestOnce`), the venue state they imply is derived (alerts,
 * offline tickets joining the venue queue, bookings made offline), and the
 * kiosk's high-water mark moves to the batch's end. A batch that starts past
 * the mark (a gap) is refused with the mark, so the kiosk sends from there.
 */
import type pg from 'pg';
import { HubError } from './hub-errors';
import type { KioskPrincipal } from './pairing';
import { copyIn, copyRows } from './event-copy';
import { applyKioskQueueChange, TICKET_STATES, type TicketState } from './venue-queue-calls';

export const MAX_BATCH = 5_000;

/** One event as the hub takes it in, its payload as JSON text (`{}` for null). */
export interface WireEvent {
  seq: number;
  id: string;
  at: string;
  type: string;
  payloadJson: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks a batch by hand rather than with zod: at 50,000 events a second the
 * per-event schema walk was a third of the hub's time. Same rules: a
 * positive whole seq, an id, an ISO time, a type, and any JSON payload,
 * which becomes text again here, once (COPY sends it as text).
 */
export function parseBatch(body: unknown): WireEvent[] {
  const events = (body as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) throw new HubError('hub.bad_request', 'events: expected an array');
  if (events.length > MAX_BATCH) throw new HubError('hub.too_large', `at most ${MAX_BATCH} events a batch`);
  const out: WireEvent[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as Record<string, unknown>;
    const bad = (what: string) => new HubError('hub.bad_request', `events.${i}.${what}`);
    if (typeof e !== 'object' || e === null) throw bad('(not an object)');
    const { seq, id, at, type } = e;
    if (!Number.isSafeInteger(seq) || (seq as number) < 1) throw bad('seq: a positive whole number');
    if (typeof id !== 'string' || id.length === 0 || id.length > 64) throw bad('id: 1 to 64 characters');
    if (typeof at !== 'string' || !ISO.test(at)) throw bad('at: an ISO date-time');
    if (typeof type !== 'string' || type.length === 0 || type.length > 80) throw bad('type: 1 to 80 characters');
    if (!('payload' in e)) throw bad('payload: missing');
    out[i] = { seq: seq as number, id, at, type, payloadJson: JSON.stringify(e.payload ?? {}) };
  }
  return out;
}

export async function ingestBatch(pool: pg.Pool, who: KioskPrincipal, events: WireEvent[]): Promise<{ ackedSeq: number; inserted: number }> {
  try {
    return await ingestOnce(pool, who, events, 'copy');
  } catch (err) {
    // Rows past the mark already there: the mark and the events disagree (a hand-restored `kiosks` table,
    // say). Nothing was written; do the batch again the careful way, which skips what the hub holds.
    const e = err as { code?: string; constraint?: string };
    if (e?.code !== UNIQUE_VIOLATION || e.constraint !== 'events_pkey') throw err;
    return ingestOnce(pool, who, events, 'insert');
  }
}

const UNIQUE_VIOLATION = '23505';

/**
 * How rows go in. `copy`: COPY straight into `events`, no `ON CONFLICT` and
 * no `RETURNING`. That is safe because of the mark: every batch moves
 * `acked_seq` to its last seq in the same transaction that writes its rows,
 * with the kiosk's row locked, and only gap-free seqs from `acked_seq + 1`
 * are written, so under that lock the hub holds exactly seqs 1..acked_seq of
 * this kiosk and a resent batch is cut down to what is new before any row
 * is written. Should the primary key still refuse a row, the whole
 * transaction rolls back and the batch is done again with `insert`: the old
 * `INSERT … ON CONFLICT DO NOTHING RETURNING seq`, deriving venue state only
 * from the rows it really stored.
 */
async function ingestOnce(pool: pg.Pool, who: KioskPrincipal, events: WireEvent[], how: 'copy' | 'insert'): Promise<{ ackedSeq: number; inserted: number }> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const mark = await c.query<{ acked_seq: string }>('SELECT acked_seq FROM kiosks WHERE kiosk_id = $1 FOR UPDATE', [who.kioskId]);
    let acked = Number(mark.rows[0]?.acked_seq ?? 0);
    const sorted = [...events].sort((a, b) => a.seq - b.seq);
    const fresh = sorted.filter((e) => e.seq > acked);
    for (let i = 0; i < fresh.length; i++) {
      if (fresh[i].seq !== acked + 1 + i) {
        throw new HubError('hub.outbox_gap', `batch from ${who.kioskId} skips seq ${acked + 1 + i}`, { ackedSeq: acked });
      }
    }
    let inserted = 0;
    if (fresh.length > 0) {
      let stored: WireEvent[] = fresh;
      if (how === 'copy') {
        inserted = await copyIn(c, 'COPY events (kiosk_id, seq, id, at, type, payload) FROM STDIN', copyRows(who.kioskId, fresh));
      } else {
        // RETURNING only the seq: sending the rows back cost as much as inserting them.
        const r = await c.query<{ seq: string }>(
          `INSERT INTO events (kiosk_id, seq, id, at, type, payload)
           SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::timestamptz[], $5::text[], $6::jsonb[])
           ON CONFLICT DO NOTHING
           RETURNING seq`,
          [who.kioskId, fresh.map((e) => e.seq), fresh.map((e) => e.id), fresh.map((e) => e.at), fresh.map((e) => e.type), fresh.map((e) => e.payloadJson)],
        );
        inserted = r.rowCount ?? 0;
        const seqs = new Set(r.rows.map((x) => Number(x.seq)));
        stored = fresh.filter((e) => seqs.has(e.seq));
      }
      const derived = stored.filter((e) => DERIVED.has(e.type));
      if (derived.length > 0) await deriveVenueState(c, who, derived.map((e) => ({ seq: e.seq, id: e.id, type: e.type, at: new Date(e.at), payload: JSON.parse(e.payloadJson) })));
      acked = fresh[fresh.length - 1].seq;
      await c.query('UPDATE kiosks SET acked_seq = $2 WHERE kiosk_id = $1', [who.kioskId, acked]);
    }
    await c.query('COMMIT');
    return { ackedSeq: acked, inserted };
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

type Row = { seq: number; id: string; at: Date; type: string; payload: any };

/** Only events that change what the venue shares; everything else is history for the roll-up. */
const DERIVED = new Set(['staff.alert_raised', 'staff.action', 'store.queue_joined', 'store.queue_changed', 'store.booked', 'store.booking_cancelled']);

async function deriveVenueState(c: pg.PoolClient, who: KioskPrincipal, rows: Row[]) {
  for (const e of rows) {
    if (!DERIVED.has(e.type)) continue;
    const p = e.payload ?? {};
    switch (e.type) {
      case 'staff.alert_raised':
        // A kiosk told of its booking clash raises its own alert for the clash the hub already alerted
        // (settleOfflineBooking): the hub's alert takes the kiosk's id, so staff see one alert, and an
        // acknowledgement on either side finds it on the other.
        if (p.kind === 'booking_conflict' && typeof p.detail?.bookingId === 'string' && typeof p.alertId === 'string') {
          const joined = await c.query(
            `UPDATE alerts SET alert_id = $3 WHERE kiosk_id = $1 AND alert_id = $2
             AND NOT EXISTS (SELECT 1 FROM alerts WHERE kiosk_id = $1 AND alert_id = $3)`,
            [who.kioskId, `conflict-${p.detail.bookingId}`, p.alertId],
          );
          if ((joined.rowCount ?? 0) > 0) break;
        }
        await c.query(
          `INSERT INTO alerts (kiosk_id, alert_id, kind, at, detail) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [who.kioskId, p.alertId, p.kind, e.at, JSON.stringify(p.detail ?? {})],
        );
        break;
      case 'staff.action':
        // Acknowledged at the kiosk's own console: cleared for every staff device.
        if (p.action === 'staff.acknowledgeAlert' && typeof p.target === 'string') {
          await c.query(`UPDATE alerts SET acknowledged_at = $3, acknowledged_by = $4 WHERE kiosk_id = $1 AND alert_id = $2 AND acknowledged_at IS NULL`, [
            who.kioskId,
            p.target,
            e.at,
            `${who.kioskId}:${p.role}`,
          ]);
        }
        break;
      case 'store.queue_joined':
        // A ticket the hub issued is already here; one from the kiosk's offline block joins in arrival order.
        await c.query(
          `INSERT INTO tickets (venue, day, kiosk_id, entry_id, number, label, joined_at, source)
           VALUES ($1, ($4::timestamptz AT TIME ZONE 'Asia/Seoul')::date, $2, $3, NULL, $5, $4, 'offline') ON CONFLICT DO NOTHING`,
          [who.venue, who.kioskId, p.entryId, e.at, String(p.label ?? p.number)],
        );
        break;
      case 'store.queue_changed':
        // 'venue': the kiosk recording what the hub decided (an echo); the hub holds it already.
        if (p.by !== 'venue' && (TICKET_STATES as readonly string[]).includes(String(p.state))) {
          await applyKioskQueueChange(c, who.kioskId, String(p.entryId), p.state as TicketState, e.at);
        }
        break;
      case 'store.booked':
        await settleOfflineBooking(c, who, String(p.bookingId), slotTime(String(p.slotStart)), e.at);
        break;
      case 'store.booking_cancelled':
        await c.query(`UPDATE bookings SET state = 'cancelled' WHERE kiosk_id = $1 AND booking_id = $2`, [who.kioskId, p.bookingId]);
        break;
    }
  }
}

/** Kiosks name slots in Seoul wall time ("2026-12-07T14:00"); the hub compares instants. */
function slotTime(s: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s) ? `${s}:00+09:00` : s);
}

/**
 * A booking the kiosk made (offline, or before the hub knew): it wins the
 * slot if the slot is free; otherwise it is a conflict and staff get an alert
 * naming both bookings, to call one visitor.
 */
async function settleOfflineBooking(c: pg.PoolClient, who: KioskPrincipal, bookingId: string, slotStart: Date, at: Date) {
  const known = await c.query('SELECT 1 FROM bookings WHERE kiosk_id = $1 AND booking_id = $2', [who.kioskId, bookingId]);
  if ((known.rowCount ?? 0) > 0) return;
  const won = await c.query(
    `INSERT INTO bookings (venue, kiosk_id, booking_id, slot_start, state, booked_at) VALUES ($1, $2, $3, $4, 'booked', $5)
     ON CONFLICT (venue, slot_start) WHERE state = 'booked' DO NOTHING`,
    [who.venue, who.kioskId, bookingId, slotStart, at],
  );
  if ((won.rowCount ?? 0) > 0) return;
  await c.query(`INSERT INTO bookings (venue, kiosk_id, booking_id, slot_start, state, booked_at) VALUES ($1, $2, $3, $4, 'conflict', $5)`, [
    who.venue,
    who.kioskId,
    bookingId,
    slotStart,
    at,
  ]);
  const winner = (await c.query<{ kiosk_id: string; booking_id: string }>(`SELECT kiosk_id, booking_id FROM bookings WHERE venue = $1 AND slot_start = $2 AND state = 'booked'`, [who.venue, slotStart])).rows[0];
  await c.query(`INSERT INTO alerts (kiosk_id, alert_id, kind, at, detail) VALUES ($1, $2, 'booking_conflict', $3, $4) ON CONFLICT DO NOTHING`, [
    who.kioskId,
    `conflict-${bookingId}`,
    at,
    JSON.stringify({ slotStart: slotStart.toISOString(), booking: { kioskId: who.kioskId, bookingId }, holder: winner ? { kioskId: winner.kiosk_id, bookingId: winner.booking_id } : null }),
  ]);
}
