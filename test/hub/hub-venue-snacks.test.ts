/**
 * One snack stock for the venue, on a real PostgreSQL: each kiosk hands out
 * its share on its own; the hub evens the shares of the kiosks that are
 * online through the pool; a kiosk cut off from the hub keeps serving from
 * its last share; when it returns the shares even out again; and at every
 * point the venue's count (pool + shares) is what was there minus what
 * visitors took: nothing doubled, nothing lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServices } from '../support/test-services';
import { callKiosk, hubStaffLogin, HubStaffDevice, hubSyncOf, startTestVenue, type RestartableHub, type TestVenue } from '../support/hub';
import { venueDashboard } from '../../electron/hub/fleet';
import { rebalanceSnacks } from '../../electron/hub/snack-shares';
import { readSnackLedger } from '../../electron/services/hub-sync/snack-share';
import type pg from 'pg';

const ITEM = 'cup-ramen';
/** Each kiosk starts with the configured 30: the venue holds 60. */
const START_TOTAL = 60;

let venue: TestVenue;
let pool: pg.Pool;
let kiosks: TestServices[] = [];
let visits = 0;
let taken = 0;

let hub: RestartableHub;
const hubUp = () => hub.up();
const hubDown = () => hub.down();
const call = callKiosk;

/** A visitor at `k` takes one cup of ramen (the store's own flow). */
async function takeOne(k: TestServices) {
  const requestId = `venue-snack-visit-${String(++visits).padStart(4, '0')}`;
  await call(k, 'store.start', { requestId, consent: false });
  await call(k, 'store.chooseSnacks', { requestId, itemIds: [ITEM] });
  taken++;
}

const stockAt = (k: TestServices) => k.services.db!.prepare('SELECT stock FROM store_snack_stock WHERE item_id = ?').pluck().get(ITEM) as number;

/** The hub's view: the pool plus every kiosk's share, less units still to take back after a count (migration 6). */
async function venueCount(): Promise<{ pool: number; deficit: number; shares: Record<string, number>; total: number }> {
  const row = (await pool.query('SELECT pool, deficit FROM snack_pool WHERE venue = $1 AND item_id = $2', ['snack-venue', ITEM])).rows[0];
  const p = row?.pool ?? 0;
  const deficit = row?.deficit ?? 0;
  const rows = (await pool.query<{ kiosk_id: string; share: number }>('SELECT kiosk_id, share FROM snack_shares WHERE venue = $1 AND item_id = $2', ['snack-venue', ITEM])).rows;
  const shares = Object.fromEntries(rows.map((r) => [r.kiosk_id, r.share]));
  return { pool: p, deficit, shares, total: p + rows.reduce((n, r) => n + r.share, 0) - deficit };
}

/** Beats from every kiosk until the hub holds still (no unit moves between two rounds). */
async function settle(ks: TestServices[]) {
  let last = '';
  for (let round = 0; round < 12; round++) {
    for (const k of ks) await hubSyncOf(k.services).heartbeat();
    const now = JSON.stringify([await venueCount(), ks.map(stockAt)]);
    if (now === last) return;
    last = now;
  }
  throw new Error(`the shares did not settle: ${last}`);
}

// Beats only when the test asks (startTestVenue's long heartbeat), so each step is seen as it happens.
beforeAll(async () => {
  venue = await startTestVenue(['snack-kiosk-a', 'snack-kiosk-b'], 'snack-venue', { prefix: 'itda-venue-snacks-' });
  ({ pool, hub, kiosks } = venue);
}, 120_000);

afterAll(async () => {
  await venue?.stop();
}, 60_000);

describe('snack stock across the venue', { timeout: 90_000 }, () => {
  it('evens the shares of online kiosks through the pool, counting every unit once', async () => {
    const [a, b] = kiosks;
    await settle(kiosks);
    expect((await venueCount()).total).toBe(START_TOTAL);
    for (let i = 0; i < 10; i++) await takeOne(a!);
    expect(stockAt(a!)).toBe(20);
    await settle(kiosks);
    const v = await venueCount();
    expect(v.total).toBe(START_TOTAL - taken);
    // 50 left between two kiosks: 25 each, or within one of it, and the kiosks hold what the hub says.
    expect(Math.abs(stockAt(a!) - stockAt(b!))).toBeLessThanOrEqual(1);
    expect(stockAt(a!) + stockAt(b!) + v.pool).toBe(START_TOTAL - taken);
    expect(v.shares).toEqual({ 'snack-kiosk-a': stockAt(a!), 'snack-kiosk-b': stockAt(b!) });
    // The venue's day on the hub counts the same.
    const day = await venueDashboard(pool, new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date()));
    expect(day.find((d) => d.venue === 'snack-venue')!.snacks[ITEM]!.stock).toBe(START_TOTAL - taken);
  });

  it('a kiosk cut off from the hub serves from its last share; back, the shares even out again, nothing doubled', async () => {
    const [a, b] = kiosks;
    const shareOfB = stockAt(b!);
    await hubDown();
    // Offline: B serves from its share as far as it goes, and refuses kindly past it.
    for (let i = 0; i < shareOfB; i++) await takeOne(b!);
    expect(stockAt(b!)).toBe(0);
    const requestId = `venue-snack-visit-${String(++visits).padStart(4, '0')}`;
    await call(b!, 'store.start', { requestId, consent: false });
    await expect(call(b!, 'store.chooseSnacks', { requestId, itemIds: [ITEM] })).rejects.toMatchObject({ code: 'store.out_of_stock' });
    // A serves meanwhile too.
    for (let i = 0; i < 3; i++) await takeOne(a!);
    await hubUp();
    await settle(kiosks);
    const v = await venueCount();
    expect(v.total).toBe(START_TOTAL - taken);
    expect(stockAt(a!) + stockAt(b!) + v.pool).toBe(START_TOTAL - taken);
    // B has a share again, taken from A's through the pool.
    expect(stockAt(b!)).toBeGreaterThan(0);
    expect(Math.abs(stockAt(a!) - stockAt(b!))).toBeLessThanOrEqual(1);
  });

  it('a reply lost on the way moves no unit twice: the next beat applies what was granted, once', async () => {
    const [a, b] = kiosks;
    for (let i = 0; i < 6; i++) await takeOne(a!);
    // B gives back (its share is now above even), filling the pool.
    await hubSyncOf(b!.services).heartbeat();
    await hubSyncOf(b!.services).heartbeat();
    // A's beat reaches the hub and is granted units, but the reply never arrives (the kiosk applies nothing).
    const lost = await rebalanceSnacks(pool, { kioskId: 'snack-kiosk-a', venue: 'snack-venue' }, readSnackLedger(a!.services.db!), new Date(), 45_000);
    const before = stockAt(a!);
    expect(lost.find((r) => r.itemId === ITEM)!.granted).toBeGreaterThan(0);
    // The hub already counts the grant as A's (pending): the venue's count is unchanged.
    expect((await venueCount()).total).toBe(START_TOTAL - taken);
    await settle(kiosks);
    const v = await venueCount();
    expect(stockAt(a!)).toBeGreaterThan(before);
    expect(v.total).toBe(START_TOTAL - taken);
    expect(stockAt(a!) + stockAt(b!) + v.pool).toBe(START_TOTAL - taken);
    // Beating again and again changes nothing once settled.
    for (let i = 0; i < 3; i++) for (const k of kiosks) await hubSyncOf(k.services).heartbeat();
    expect(await venueCount()).toEqual(v);
  });

  it('staff restock the venue on the hub: a delivery reaches the kiosks’ shares; a count below the shares takes units back; each recorded', async () => {
    const [a, b] = kiosks;
    const tablet = await hubStaffLogin(hub.server()!, 'staff');
    const before = (await venueCount()).total;
    const added = await tablet.value('POST', '/v1/snacks/restock', { venue: 'snack-venue', itemId: ITEM, add: 40 });
    expect(added.item).toMatchObject({ itemId: ITEM, total: before + 40 });
    await settle(kiosks);
    let v = await venueCount();
    expect(v.total).toBe(before + 40);
    expect(stockAt(a!) + stockAt(b!) + v.pool).toBe(before + 40);
    expect(Math.abs(stockAt(a!) - stockAt(b!))).toBeLessThanOrEqual(1);

    // Staff counted 10 on the shelves: the hub's count says 10 at once; the shares come down on the next beats.
    const counted = await tablet.value('POST', '/v1/snacks/restock', { venue: 'snack-venue', itemId: ITEM, set: 10 });
    expect(counted.item).toMatchObject({ total: 10, pool: 0 });
    expect(counted.item.deficit).toBeGreaterThan(0);
    await settle(kiosks);
    v = await venueCount();
    expect(v).toMatchObject({ total: 10, deficit: 0 });
    expect(stockAt(a!) + stockAt(b!) + v.pool).toBe(10);
    const listed = (await tablet.value('GET', '/v1/snacks?venue=snack-venue')).items;
    expect(listed.find((i: { itemId: string }) => i.itemId === ITEM)).toEqual({ itemId: ITEM, pool: v.pool, deficit: 0, shares: stockAt(a!) + stockAt(b!), total: 10 });
    const day = await venueDashboard(pool, new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date()));
    expect(day.find((d) => d.venue === 'snack-venue')!.snacks[ITEM]!.stock).toBe(10);
    // Visitors take from the new shares as before.
    await takeOne(a!);
    await settle(kiosks);
    expect((await venueCount()).total).toBe(9);

    // Each restock is in staff_actions with the PIN's role and the item, never anything else.
    const acts = (await pool.query("SELECT role, target FROM staff_actions WHERE route = 'POST /v1/snacks/restock' ORDER BY id")).rows;
    expect(acts).toEqual([
      { role: 'staff', target: ITEM },
      { role: 'staff', target: ITEM },
    ]);
    // Refusals say what is wrong and change nothing.
    expect((await tablet.post('/v1/snacks/restock', { venue: 'snack-venue', itemId: ITEM, add: 5, set: 5 })).error).toMatchObject({ code: 'hub.bad_request' });
    expect((await tablet.post('/v1/snacks/restock', { venue: 'snack-venue', itemId: ITEM, add: -3 })).error).toMatchObject({ code: 'hub.bad_request' });
    expect((await tablet.post('/v1/snacks/restock', { venue: 'snack-venue', itemId: 'caviar', add: 5 })).error).toMatchObject({ code: 'hub.not_found' });
    expect((await HubStaffDevice.stranger(hub.server()!.url).post('/v1/snacks/restock', { venue: 'snack-venue', itemId: ITEM, add: 5 })).error).toMatchObject({ code: 'hub.forbidden' });
    expect((await venueCount()).total).toBe(9);
    expect((await pool.query("SELECT COUNT(*)::int AS n FROM staff_actions WHERE route = 'POST /v1/snacks/restock'")).rows[0].n).toBe(2);
  });
});
