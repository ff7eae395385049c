/**
 * The hub's ingest on a real PostgreSQL, batch by batch (`ingestBatch`, no
 * HTTP): rows go in by COPY exactly as sent, awkward characters included; a
 * resent or overlapping batch adds only what is new; venue state is derived
 * once; and when the mark and the events disagree (a `kiosks` table restored
 * by hand behind the events) the batch is done again with
 * `ON CONFLICT DO NOTHING`, nothing doubled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { hubPool } from '../../electron/hub/hub';
import { applyHubMigrations } from '../../electron/hub/hub-migrations';
import { createPairCode, redeemPairCode, type KioskPrincipal } from '../../electron/hub/pairing';
import { ingestBatch, parseBatch, MAX_BATCH, type WireEvent } from '../../electron/hub/ingest';

let postgres: TestPostgres;
let pool: pg.Pool;

async function kiosk(id: string): Promise<KioskPrincipal> {
  const r = await redeemPairCode(pool, id, await createPairCode(pool, id, 'ingest-venue'));
  return { kioskId: id, venue: r.venue };
}

const at = (seq: number) => new Date(Date.UTC(2026, 11, 6, 3, 0, 0) + seq * 1000).toISOString();
const screens = (from: number, to: number): WireEvent[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ seq: from + i, id: `ev-${from + i}`, at: at(from + i), type: 'visitor.screen_viewed', payloadJson: '{"screen":"home"}' }));

async function held(kioskId: string) {
  return (await pool.query<{ seq: string; id: string; type: string; payload: unknown }>('SELECT seq, id, type, payload FROM events WHERE kiosk_id = $1 ORDER BY seq', [kioskId])).rows.map((r) => ({
    ...r,
    seq: Number(r.seq),
  }));
}

beforeAll(async () => {
  postgres = await startTestPostgres();
  pool = hubPool(postgres.url);
  await applyHubMigrations(pool);
}, 120_000);

afterAll(async () => {
  await pool?.end();
  await postgres?.remove();
}, 60_000);

describe('hub ingest', { timeout: 60_000 }, () => {
  it('stores every field as the kiosk sent it: tabs, newlines, backslashes, quotes and Korean included', async () => {
    const who = await kiosk('ingest-chars-1');
    const odd = { note: 'line one\nline two\ttabbed\r', path: 'C:\\temp\\new', quote: '"\'', ko: '외로움안녕 ☎ 02-120', nested: { list: [1, 2.5, null, true], empty: {} } };
    const events = parseBatch({
      events: [
        { seq: 1, id: 'id\\with\tstuff', at: at(1), type: 'visitor.screen_viewed', payload: odd },
        { seq: 2, id: '01JEXAMPLE', at: '2026-12-06T12:00:00.123456+09:00', type: 'type\nodd', payload: null },
      ],
    });
    expect(await ingestBatch(pool, who, events)).toEqual({ ackedSeq: 2, inserted: 2 });
    const rows = await held(who.kioskId);
    expect(rows).toEqual([
      { seq: 1, id: 'id\\with\tstuff', type: 'visitor.screen_viewed', payload: odd },
      { seq: 2, id: '01JEXAMPLE', type: 'type\nodd', payload: {} },
    ]);
    const when = await pool.query<{ at: Date }>('SELECT at FROM events WHERE kiosk_id = $1 AND seq = 2', [who.kioskId]);
    expect(when.rows[0].at.toISOString()).toBe('2026-12-06T03:00:00.123Z');
  });

  it('adds only what is new from a resent or overlapping batch, and answers the mark', async () => {
    const who = await kiosk('ingest-resend-1');
    expect(await ingestBatch(pool, who, screens(1, 1_000))).toEqual({ ackedSeq: 1_000, inserted: 1_000 });
    expect(await ingestBatch(pool, who, screens(1, 1_000))).toEqual({ ackedSeq: 1_000, inserted: 0 });
    // Out of order within the batch, overlapping the mark by half.
    expect(await ingestBatch(pool, who, screens(501, 1_500).reverse())).toEqual({ ackedSeq: 1_500, inserted: 500 });
    const rows = await held(who.kioskId);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 1_500 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.id)).size).toBe(1_500);
  });

  it('refuses a gap with the mark and writes nothing of that batch', async () => {
    const who = await kiosk('ingest-gap-1');
    await ingestBatch(pool, who, screens(1, 10));
    await expect(ingestBatch(pool, who, screens(12, 20))).rejects.toMatchObject({ code: 'hub.outbox_gap', detail: { ackedSeq: 10 } });
    await expect(ingestBatch(pool, who, [...screens(11, 11), ...screens(13, 14)])).rejects.toMatchObject({ code: 'hub.outbox_gap', detail: { ackedSeq: 10 } });
    expect((await held(who.kioskId)).length).toBe(10);
  });

  it('derives venue state from a batch in the same transaction: an alert raised among 999 other events', async () => {
    const who = await kiosk('ingest-derive-1');
    const events = screens(1, 1_000);
    events[499] = { seq: 500, id: 'alert-ev', at: at(500), type: 'staff.alert_raised', payloadJson: JSON.stringify({ alertId: 'paper-low-1', kind: 'printer.paper_low', detail: { left: 'a\\b\tc' } }) };
    await ingestBatch(pool, who, events);
    const alerts = await pool.query('SELECT alert_id, kind, detail FROM alerts WHERE kiosk_id = $1', [who.kioskId]);
    expect(alerts.rows).toEqual([{ alert_id: 'paper-low-1', kind: 'printer.paper_low', detail: { left: 'a\\b\tc' } }]);
  });

  it('falls back to ON CONFLICT DO NOTHING when the mark is behind the events, doubling nothing and deriving only what is new', async () => {
    const who = await kiosk('ingest-restored-1');
    const first = screens(1, 20);
    first[4] = { seq: 5, id: 'alert-old', at: at(5), type: 'staff.alert_raised', payloadJson: JSON.stringify({ alertId: 'old-1', kind: 'printer.paper_low' }) };
    await ingestBatch(pool, who, first);
    await pool.query("UPDATE alerts SET acknowledged_at = now(), acknowledged_by = 'hub:front' WHERE kiosk_id = $1", [who.kioskId]);
    // The kiosks table restored from an older copy: the hub thinks it holds up to 10, the events say 20.
    await pool.query('UPDATE kiosks SET acked_seq = 10 WHERE kiosk_id = $1', [who.kioskId]);
    const again = screens(11, 30);
    again[24 - 11] = { seq: 24, id: 'alert-new', at: at(24), type: 'staff.alert_raised', payloadJson: JSON.stringify({ alertId: 'new-1', kind: 'printer.paper_low' }) };
    expect(await ingestBatch(pool, who, [...first.slice(10), ...again.slice(10)])).toEqual({ ackedSeq: 30, inserted: 10 });
    const rows = await held(who.kioskId);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(rows.find((r) => r.seq === 24)?.id).toBe('alert-new');
    const alerts = await pool.query('SELECT alert_id, acknowledged_at IS NOT NULL AS acked FROM alerts WHERE kiosk_id = $1 ORDER BY alert_id', [who.kioskId]);
    expect(alerts.rows).toEqual([
      { alert_id: 'new-1', acked: false },
      { alert_id: 'old-1', acked: true },
    ]);
    // The mark is whole again: the next batch takes the quick path.
    expect(await ingestBatch(pool, who, screens(31, 40))).toEqual({ ackedSeq: 40, inserted: 10 });
  });

  it('keeps the batch limit and the per-event checks', () => {
    expect(() => parseBatch({ events: Array.from({ length: MAX_BATCH + 1 }, (_, i) => ({ seq: i + 1, id: `e${i}`, at: at(1), type: 't', payload: {} })) })).toThrow(expect.objectContaining({ code: 'hub.too_large' }));
    expect(() => parseBatch({ events: [{ seq: 0, id: 'x', at: at(1), type: 't', payload: {} }] })).toThrow('events.0.seq: a positive whole number');
    expect(() => parseBatch({ events: [{ seq: 1, id: '', at: at(1), type: 't', payload: {} }] })).toThrow('events.0.id: 1 to 64 characters');
    expect(() => parseBatch({ events: [{ seq: 1, id: 'x', at: at(1), type: 't' }] })).toThrow('events.0.payload: missing');
    expect(() => parseBatch({ nope: [] })).toThrow(expect.objectContaining({ code: 'hub.bad_request' }));
  });
});
