/**
 * One snack stock for the venue, on a real PostgreSQL: each kiosk hands out
 * its share on its own; the hub evens the shares of the kiosks that are
 * online through the pool; a kiosk cut off from the hub keeps serving from
 * its last share; when it returns the shares even out again; and at every
 * point the venue's count (pool + shares) is what was there minus what
 * visitors took: nothing doubled, nothing lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { startTestServices, type TestServices } from '../support/test-services';
import { callKiosk, hubLinkFor, hubSyncOf, pairKiosk, restartableHub, until, type RestartableHub } from '../support/hub';
import { hubPool } from '../../electron/hub/hub';
import { applyHubMigrations } from '../../electron/hub/hub-migrations';
import { freeLoopbackPort } from '../../electron/hub/local-postgres';
import { venueDashboard } from '../../electron/hub/fleet';
import { rebalanceSnacks } from '../../electron/hub/snack-shares';
import { readSnackLedger } from '../../electron/services/hub-sync/snack-share';
import type pg from 'pg';

const ITEM = 'cup-ramen';
/** Each kiosk starts with the configured 30: the venue holds 60. */
const START_TOTAL = 60;

let postgres: TestPostgres;
let pool: pg.Pool;
let port: number;
const kiosks: TestServices[] = [];
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

/** The hub's view: the pool plus every kiosk's share. */
async function venueCount(): Promise<{ pool: number; shares: Record<string, number>; total: number }> {
  const p = (await pool.query('SELECT pool FROM snack_pool WHERE venue = $1 AND item_id = $2', ['snack-venue', ITEM])).rows[0]?.pool ?? 0;
  const rows = (await pool.query<{ kiosk_id: string; share: number }>('SELECT kiosk_id, share FROM snack_shares WHERE venue = $1 AND item_id = $2', ['snack-venue', ITEM])).rows;
  const shares = Object.fromEntries(rows.map((r) => [r.kiosk_id, r.share]));
  return { pool: p, shares, total: p + rows.reduce((n, r) => n + r.share, 0) };
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

beforeAll(async () => {
  postgres = await startTestPostgres();
  pool = hubPool(postgres.url);
  await applyHubMigrations(pool);
  port = await freeLoopbackPort();
  hub = restartableHub(pool, port);
  await hubUp();
  for (const id of ['snack-kiosk-a', 'snack-kiosk-b']) {
    const code = await pairKiosk(postgres.url, id, 'snack-venue');
    // Beats only when the test asks (a long heartbeat), so each step is seen as it happens.
    const k = await startTestServices({ kioskId: id }, { hub: hubLinkFor(`http://127.0.0.1:${port}`, code, { heartbeatMs: 600_000, venueTimeoutMs: 5_000 }), prefix: 'itda-venue-snacks-' });
    kiosks.push(k);
    await until(`${id} paired`, () => hubSyncOf(k.services).paired());
  }
}, 120_000);

afterAll(async () => {
  for (const k of kiosks) await k.stop();
  await hubDown();
  await pool?.end();
  await postgres?.remove();
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
});
