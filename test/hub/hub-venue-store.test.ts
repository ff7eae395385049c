/**
 * The check-in on kiosks of one venue, through the hub: the ticket is the
 * venue's number; with the hub away it is the kiosk's own block ("A-3"),
 * said on the ticket, and it joins the venue queue in arrival order when the
 * hub returns. Two kiosks booking one slot at once: one visitor has it, the
 * other is told (store.slot_taken, which the screen turns into other times).
 * Two kiosks booking one slot while the hub is away: both visitors leave
 * with a pending booking, and the hub raises a staff alert naming both.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { startTestServices, type TestServices } from '../support/test-services';
import { callKiosk, hubLinkFor, hubSyncOf, pairKiosk, restartableHub, until, type RestartableHub } from '../support/hub';
import { hubPool } from '../../electron/hub/hub';
import { applyHubMigrations } from '../../electron/hub/hub-migrations';
import { freeLoopbackPort } from '../../electron/hub/local-postgres';
import type pg from 'pg';

let postgres: TestPostgres;
let pool: pg.Pool;
let port: number;
const kiosks: TestServices[] = [];
let n = 0;

let hub: RestartableHub;
const hubUp = () => hub.up();
const hubDown = () => hub.down();
const call = callKiosk;

async function checkIn(k: TestServices) {
  const requestId = `venue-store-visit-${String(++n).padStart(4, '0')}`;
  await call(k, 'store.start', { requestId, consent: false });
  return { requestId, ticket: await call(k, 'store.talkNow', { requestId }) };
}

beforeAll(async () => {
  postgres = await startTestPostgres();
  pool = hubPool(postgres.url);
  await applyHubMigrations(pool);
  port = await freeLoopbackPort();
  hub = restartableHub(pool, port);
  await hubUp();
  for (const id of ['store-kiosk-a', 'store-kiosk-b']) {
    const code = await pairKiosk(postgres.url, id, 'store-venue');
    const k = await startTestServices({ kioskId: id }, { hub: hubLinkFor(`http://127.0.0.1:${port}`, code, { venueTimeoutMs: 5_000 }), prefix: 'itda-venue-store-' });
    kiosks.push(k);
    await until(`${id} paired`, () => hubSyncOf(k.services).paired());
  }
}, 120_000);

// A test that left the hub down does not take the next one's hub with it.
beforeEach(hubUp);

afterAll(async () => {
  for (const k of kiosks) await k.stop();
  await hubDown();
  await pool?.end();
  await postgres?.remove();
}, 60_000);

describe('one counseling queue for the venue', { timeout: 60_000 }, () => {
  it('numbers tickets across kiosks; with the hub away a kiosk uses its own block, said on the ticket', async () => {
    const [a, b] = kiosks;
    const t1 = (await checkIn(a)).ticket;
    const t2 = (await checkIn(b)).ticket;
    const t3 = (await checkIn(a)).ticket;
    expect([t1.label, t2.label, t3.label]).toEqual(['1', '2', '3']);
    expect(t3).toMatchObject({ number: 3, offline: false, ahead: 2 });

    await hubDown();
    const away = await checkIn(b);
    expect(away.ticket).toMatchObject({ offline: true, label: 'B-2' });
    // A second tap keeps the ticket it has.
    expect(await call(b, 'store.talkNow', { requestId: away.requestId })).toMatchObject({ label: 'B-2' });
    const done = await call(b, 'store.finish', { requestId: away.requestId, language: 'ko' });
    expect(done.queue).toMatchObject({ label: 'B-2', offline: true });
    expect(done.print.outcome).toBe('printed');

    await hubUp();
    const after = (await checkIn(a)).ticket;
    expect(after).toMatchObject({ label: '4', offline: false });
    await until('b caught up', () => hubSyncOf(b.services).outbox.lag().events === 0);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
    const queue = (await pool.query("SELECT label, source FROM tickets WHERE venue = 'store-venue' AND day = $1 ORDER BY joined_at", [day])).rows;
    expect(queue.map((q) => q.label)).toEqual(['1', '2', '3', 'B-2', '4']);
    expect(queue.find((q) => q.label === 'B-2')!.source).toBe('offline');
  });
});

describe('one calendar for the venue', { timeout: 60_000 }, () => {
  it('one slot booked from two kiosks at once: one visitor has it, the other is offered other times', async () => {
    const [a, b] = kiosks;
    const slot = (await call(a, 'store.slots')).slots.find((s: { free: boolean }) => s.free).start;
    const va = await checkIn(a);
    const vb = await checkIn(b);
    const results = await Promise.allSettled([call(a, 'store.book', { requestId: va.requestId, slotStart: slot }), call(b, 'store.book', { requestId: vb.requestId, slotStart: slot })]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ code: 'store.slot_taken' });
    const held = [a, b].map((k) => k.services.db!.prepare("SELECT COUNT(*) FROM store_bookings WHERE slot_start = ? AND state = 'booked'").pluck().get(slot));
    expect(held.sort()).toEqual([0, 1]);
    // Both kiosks now show the slot as taken to the next visitor.
    for (const k of [a, b]) expect((await call(k, 'store.slots')).slots.find((s: { start: string }) => s.start === slot).free).toBe(false);
  });

  it('booked twice while the hub is away: both pending, and the hub alerts staff naming both', async () => {
    const [a, b] = kiosks;
    const slots = (await call(a, 'store.slots')).slots.filter((s: { free: boolean }) => s.free);
    const slot = slots[slots.length - 1].start;
    await hubDown();
    const va = await checkIn(a);
    const vb = await checkIn(b);
    const ra = await call(a, 'store.book', { requestId: va.requestId, slotStart: slot });
    const rb = await call(b, 'store.book', { requestId: vb.requestId, slotStart: slot });
    expect([ra.pending, rb.pending]).toEqual([true, true]);
    await hubUp();
    await until('both caught up', () => kiosks.every((k) => hubSyncOf(k.services).outbox.lag().events === 0));
    const alerts = (await pool.query("SELECT kiosk_id, detail FROM alerts WHERE kind = 'booking_conflict'")).rows;
    expect(alerts).toHaveLength(1);
    const d = alerts[0].detail;
    expect([d.booking.kioskId, d.holder.kioskId].sort()).toEqual(['store-kiosk-a', 'store-kiosk-b']);
    expect(Number((await pool.query("SELECT COUNT(*) AS n FROM bookings WHERE state = 'booked' AND venue = 'store-venue' AND slot_start = $1", [slotDate(slot)])).rows[0].n)).toBe(1);
    // Each kiosk hears what became of its pending booking: one confirmed, the other's staff alerted to call the visitor.
    for (const k of kiosks) await hubSyncOf(k.services).heartbeat();
    const states = kiosks.map((k) => k.services.db!.prepare("SELECT state FROM hub_pending WHERE kind = 'booking'").pluck().get());
    expect([...states].sort()).toEqual(['confirmed', 'conflict']);
    const loser = kiosks[states.indexOf('conflict')];
    expect(loser.services.db!.prepare("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'booking_conflict'").pluck().get()).toBe(1);
    // The loser's own alert, once at the hub, is the hub's alert under the kiosk's id: staff see one, not two.
    await until('the loser’s alert reached the hub', () => hubSyncOf(loser.services).outbox.lag().events === 0);
    const loserAlertId = loser.services.db!.prepare("SELECT id FROM staff_alerts WHERE kind = 'booking_conflict'").pluck().get();
    expect((await pool.query("SELECT kiosk_id, alert_id FROM alerts WHERE kind = 'booking_conflict'")).rows).toEqual([
      { kiosk_id: loser === a ? 'store-kiosk-a' : 'store-kiosk-b', alert_id: loserAlertId },
    ]);
  });
});

function slotDate(slot: string): Date {
  return new Date(`${slot}:00+09:00`);
}

describe('people ahead on the slip', { timeout: 60_000 }, () => {
  it('the slip’s “people ahead” counts the whole venue, not only this kiosk, while the hub answers', async () => {
    const [a, b] = kiosks;
    const before = (await checkIn(a!)).ticket;
    const mine = await checkIn(b!);
    expect(mine.ticket.ahead).toBe(before.ahead + 1);
    // A second tap asks the hub again (the kiosk alone would count only its own visitors).
    expect((await call(b!, 'store.talkNow', { requestId: mine.requestId })).ahead).toBe(before.ahead + 1);
    // Alone, the kiosk would count only its own visitors before this one (A's are not in its queue).
    const localAhead = b!.services.db!.prepare(
      "SELECT COUNT(*) FROM store_queue q, (SELECT day, number FROM store_queue ORDER BY rowid DESC LIMIT 1) m WHERE q.day = m.day AND q.number < m.number AND q.state IN ('waiting', 'called')",
    ).pluck().get() as number;
    expect(before.ahead + 1).toBeGreaterThan(localAhead);
    const finished = await call(b!, 'store.finish', { requestId: mine.requestId, language: 'ko' });
    expect(finished.queue).toMatchObject({ label: mine.ticket.label, ahead: before.ahead + 1 });
  });

});
