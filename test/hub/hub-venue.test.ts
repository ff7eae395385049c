/**
 * The venue through the hub, on a real PostgreSQL: pairing codes, one ticket
 * numbering, one calendar, every kiosk's alerts acknowledged once for all,
 * the fleet view on the hub's clock, and the city roll-up. Kiosks are the
 * whole services in this process (no web host: nothing here needs a screen).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { startTestServices, type TestServices } from '../support/test-services';
import { callKiosk, hubLinkFor, hubStaffLogin, hubSyncOf, pairKiosk, startTestHub, until, type HubStaffDevice } from '../support/hub';
import { applyHubMigrations, hubMigrations, HubMigrationError } from '../../electron/hub/hub-migrations';
import { startHubServer } from '../../electron/hub/hub-server';
import { HubClient } from '../../electron/services/hub-sync/hub-client';
import { CREDENTIAL_FILE } from '../../electron/services/hub-sync/credential-file';
import { revokeKiosk } from '../../electron/hub/pairing';
import type { ConnectService } from '../../electron/services/connect/connect-service';

let postgres: TestPostgres;
let hub: Awaited<ReturnType<typeof startTestHub>>;
/** The hub's clock: real time plus what a test adds (the fleet test skips 46 s without waiting them). */
let skewMs = 0;
const kiosks: TestServices[] = [];

async function kiosk(id: string, venue = 'test-venue') {
  const code = await pairKiosk(postgres.url, id, venue);
  const k = await startTestServices({ kioskId: id }, { hub: hubLinkFor(hub.url, code, { venueTimeoutMs: 20_000 }), prefix: 'itda-venue-kiosk-' });
  kiosks.push(k);
  await until(`${id} paired`, () => hubSyncOf(k.services).paired());
  return k;
}

const call = callKiosk;

beforeAll(async () => {
  postgres = await startTestPostgres();
  hub = await startTestHub(postgres.url, { now: () => new Date(Date.now() + skewMs) });
}, 120_000);

afterEach(async () => {
  for (const k of kiosks.splice(0)) await k.stop();
  skewMs = 0;
});

afterAll(async () => {
  await hub?.remove();
  await postgres?.remove();
}, 60_000);

describe('joining the hub', { timeout: 60_000 }, () => {
  it('trades a one-time code for a credential kept 0600; the code works once, for its kiosk only, for 10 minutes', async () => {
    const k = await kiosk('join-kiosk-1');
    const file = join(k.dataDir, CREDENTIAL_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = await hub.pool.query("SELECT credential_hash FROM kiosks WHERE kiosk_id = 'join-kiosk-1'");
    expect(stored.rows[0].credential_hash).toMatch(/^[0-9a-f]{64}$/);

    const client = new HubClient({ url: hub.url });
    const code = await pairKiosk(postgres.url, 'join-kiosk-2');
    await expect(client.post('/v1/pair', { kioskId: 'join-kiosk-3', code })).rejects.toMatchObject({ code: 'hub.pair_code_invalid' });
    await expect(client.post('/v1/pair', { kioskId: 'join-kiosk-2', code: code.toLowerCase() })).resolves.toMatchObject({ venue: 'test-venue' });
    await expect(client.post('/v1/pair', { kioskId: 'join-kiosk-2', code })).rejects.toMatchObject({ code: 'hub.pair_code_invalid', retryable: false });
    const late = await pairKiosk(postgres.url, 'join-kiosk-4');
    skewMs = 11 * 60_000;
    await expect(client.post('/v1/pair', { kioskId: 'join-kiosk-4', code: late })).rejects.toMatchObject({ code: 'hub.pair_code_invalid' });
    await expect(client.post('/v1/events', { events: [] })).rejects.toMatchObject({ code: 'hub.unauthorized' });
    client.close();
  });

  it('a revoked kiosk is refused and its staff are told to pair it again; its events wait', async () => {
    const k = await kiosk('revoked-kiosk-1');
    await revokeKiosk(hub.pool, 'revoked-kiosk-1');
    await call(k, 'app.staffCall', { screen: 'home', language: 'ko' });
    await until('unpaired alert', () => k.services.db!.prepare("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'hub_unpaired'").pluck().get() === 1);
    expect(hubSyncOf(k.services).outbox.lag().events).toBeGreaterThan(0);
  });

  it('without a hub, a kiosk has no hub link at all (only the console’s way to make one)', async () => {
    const k = await startTestServices({ kioskId: 'alone-kiosk-1' }, { prefix: 'itda-alone-' });
    kiosks.push(k);
    expect(k.services.domains.get('hub')?.service).toBeUndefined();
    expect(Object.keys(k.services.domains.get('hub')!.handlers).sort()).toEqual(['hub.pair', 'hub.status']);
    expect(() => statSync(join(k.dataDir, CREDENTIAL_FILE))).toThrow();
  });
});

describe('the venue shares one queue and one calendar', { timeout: 90_000 }, () => {
  it('100 tickets asked at once from three kiosks are 100 distinct venue numbers', async () => {
    const ks = [await kiosk('ticket-kiosk-a'), await kiosk('ticket-kiosk-b'), await kiosk('ticket-kiosk-c')];
    const day = '2026-12-05';
    const tickets = await Promise.all(Array.from({ length: 100 }, (_, i) => hubSyncOf(ks[i % 3].services).venue.ticket(`entry-${i}`, day)));
    const numbers = tickets.map((t) => t!.number);
    expect(new Set(numbers).size).toBe(100);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    // A retry for the same entry (a lost reply) gets the same number back.
    expect(await hubSyncOf(ks[0].services).venue.ticket('entry-0', day)).toEqual(tickets[0]);
  });

  it('one slot booked from two kiosks at the same moment has exactly one winner', async () => {
    const [a, b] = [await kiosk('book-kiosk-a'), await kiosk('book-kiosk-b')];
    const slot = '2026-12-07T05:00:00.000Z';
    const results = await Promise.all([hubSyncOf(a.services).venue.claimSlot('booking-a', slot), hubSyncOf(b.services).venue.claimSlot('booking-b', slot)]);
    expect([...results].sort()).toEqual(['taken', 'won']);
    const rows = await hub.pool.query("SELECT COUNT(*) AS n FROM bookings WHERE slot_start = $1 AND state = 'booked'", [slot]);
    expect(Number(rows.rows[0].n)).toBe(1);
    expect(await hubSyncOf(a.services).venue.takenSlots()).toContain(slot);
  });
});

describe('alerts and the fleet', { timeout: 90_000 }, () => {
  it('a kiosk’s crisis alert shows on the hub, crisis first; acknowledged on the hub, it clears on the kiosk', async () => {
    const k = await kiosk('alert-kiosk-1');
    await call(k, 'app.staffCall', { screen: 'home', language: 'ko' });
    await call(k, 'store.crisis', { requestId: 'alert-crisis-visit-1' });
    const tablet = await hubStaffLogin(hub, 'staff');
    let alerts: any[] = [];
    await until('alerts at the hub', async () => {
      alerts = (await tablet.value<{ alerts: any[] }>('GET', '/v1/alerts')).alerts.filter((a) => a.kioskId === 'alert-kiosk-1');
      return alerts.length === 2;
    });
    expect(alerts.map((a) => a.kind)).toEqual(['crisis', 'staff_call']);
    await tablet.value('POST', '/v1/alerts/acknowledge', { kioskId: 'alert-kiosk-1', alertId: alerts[0].alertId });
    await until('kiosk cleared the alert', () => k.services.db!.prepare('SELECT acknowledged_at FROM staff_alerts WHERE id = ?').pluck().get(alerts[0].alertId) !== null);
    // Who acknowledged: the enrolled tablet's name on the kiosk, and the PIN behind it in the hub's record of actions.
    expect(k.services.db!.prepare('SELECT acknowledged_by FROM staff_alerts WHERE id = ?').pluck().get(alerts[0].alertId)).toBe('hub:tablet-staff');
    const acts = await hub.pool.query("SELECT route, role, target FROM staff_actions WHERE route = 'POST /v1/alerts/acknowledge'");
    expect(acts.rows).toContainEqual({ route: 'POST /v1/alerts/acknowledge', role: 'staff', target: alerts[0].alertId });
  });

  it('a stopped kiosk is offline in the fleet view once 45 s pass on the hub’s clock; a beating one stays online', async () => {
    const [a, b] = [await kiosk('fleet-kiosk-a'), await kiosk('fleet-kiosk-b')];
    const tablet: HubStaffDevice = await hubStaffLogin(hub, 'staff');
    const view = async () => Object.fromEntries((await tablet.value<{ kiosks: any[] }>('GET', '/v1/fleet')).kiosks.map((k) => [k.kioskId, k]));
    await until('both online', async () => {
      const v = await view();
      return v['fleet-kiosk-a']?.online && v['fleet-kiosk-b']?.online;
    });
    const before = await view();
    expect(before['fleet-kiosk-a'].heartbeat).toMatchObject({ version: 'test', outbox: { events: expect.any(Number) } });
    expect(before['fleet-kiosk-a'].heartbeat.printer).toHaveProperty('paperNearEnd');
    await b.stop();
    kiosks.splice(kiosks.indexOf(b), 1);
    skewMs = 46_000;
    await until('a beats on the skewed clock', async () => (await view())['fleet-kiosk-a'].online);
    const after = await view();
    expect(after['fleet-kiosk-b'].online).toBe(false);
    expect(after['fleet-kiosk-a'].online).toBe(true);
    // The hub's wall clock moved 46 s; the tablet's session runs on the monotonic clock and is still open.
    const dash = await tablet.value<{ venues: any[] }>('GET', '/v1/dashboard');
    const venueDay = dash.venues.find((v) => v.venue === 'test-venue');
    expect(venueDay.kiosks.offline).toBeGreaterThanOrEqual(1);
    // Snack stock across the venue: each kiosk's last share, the stopped one's included.
    const perKiosk = a.services.db!.prepare("SELECT stock FROM store_snack_stock WHERE item_id = 'cup-ramen'").pluck().get() as number;
    expect(venueDay.snacks['cup-ramen'].stock).toBeGreaterThanOrEqual(2 * perKiosk);
  });
});

describe('the hub’s own rules', { timeout: 60_000 }, () => {
  it('refuses a malformed batch or one that skips ahead, and keeps what it has', async () => {
    const k = await kiosk('rules-kiosk-1');
    await hubSyncOf(k.services).flush();
    const cred = JSON.parse(readFileSync(join(k.dataDir, CREDENTIAL_FILE), 'utf8')).credential as string;
    const client = new HubClient({ url: hub.url });
    client.setCredential(cred);
    const held = Number((await hub.pool.query("SELECT acked_seq FROM kiosks WHERE kiosk_id = 'rules-kiosk-1'")).rows[0].acked_seq);
    const at = new Date().toISOString();
    await expect(client.post('/v1/events', { events: [{ seq: held + 1, id: 'x', at: 'yesterday', type: 't', payload: {} }] })).rejects.toMatchObject({ code: 'hub.bad_request', message: 'events.0.at: an ISO date-time' });
    await expect(client.post('/v1/events', { events: [{ seq: held + 5, id: 'x', at, type: 't', payload: {} }] })).rejects.toMatchObject({ code: 'hub.outbox_gap', detail: { ackedSeq: held } });
    // A resent batch the hub already holds changes nothing and answers the mark.
    await expect(client.post('/v1/events', { events: [{ seq: 1, id: 'other', at, type: 't', payload: {} }] })).resolves.toMatchObject({ ackedSeq: held, inserted: 0 });
    client.close();
  });

  it('serves the staff console page to an enrolled device only, this machine included', async () => {
    const stranger = await fetch(`${hub.url}/staff`);
    expect(stranger.status).toBe(200);
    const gate = await stranger.text();
    expect(gate).toContain('이 기기를 등록해 주세요');
    expect(gate).toContain('npm run hub -- pair-device');
    expect(gate).not.toContain('/v1/fleet');
    const tablet = await hubStaffLogin(hub, 'staff');
    const page = await tablet.text('/staff');
    expect(page.status).toBe(200);
    expect(page.body).toContain('잇다 허브');
    expect(page.body).toContain('/v1/fleet');
    expect(page.body).toContain('data-testid="hub-login"');
  });

  it('refuses to listen beyond loopback without TLS', async () => {
    await expect(startHubServer({ pool: hub.pool, port: 0, host: '0.0.0.0' })).rejects.toThrow(/refusing to listen on 0\.0\.0\.0: serving beyond this machine needs TLS/);
  });

  it('refuses a database whose migrations this build does not ship', async () => {
    await hub.pool.query('CREATE DATABASE mig_out_of_sync');
    const other = new pg.Pool({ connectionString: postgres.url.replace(/\/itda_hub$/, '/mig_out_of_sync'), max: 1 });
    try {
      expect(await applyHubMigrations(other)).toEqual(hubMigrations.map((m) => m.id));
      expect(await applyHubMigrations(other)).toEqual([]);
      // Written by a newer hub: this build must not guess.
      await other.query("INSERT INTO hub_schema_migrations (id, name) VALUES (99, 'from-the-future')");
      await expect(applyHubMigrations(other)).rejects.toBeInstanceOf(HubMigrationError);
      await expect(applyHubMigrations(other)).rejects.toThrow(/migration 99 \(from-the-future\)/);
    } finally {
      await other.end();
    }
  });
});

describe('the city roll-up', { timeout: 90_000 }, () => {
  it('counts a venue’s day from every kiosk, suppressing counts under 5, as JSON and CSV', async () => {
    const k = await kiosk('rollup-kiosk-1', 'rollup-venue');
    for (let i = 1; i <= 6; i++) {
      const requestId = `rollup-visit-${String(i).padStart(4, '0')}`;
      await call(k, 'store.start', { requestId, consent: false });
      await call(k, 'store.chooseSnacks', { requestId, itemIds: ['cup-ramen'] });
      if (i <= 2) await call(k, 'store.crisis', { requestId });
    }
    // 서울연결처방: six programmes suggested (all healing), help asked for two: counts by category only.
    const connect = k.services.domains.get('connect')!.service as ConnectService;
    connect.setCategories('burnout', ['healing'], 'test');
    for (let i = 1; i <= 6; i++) {
      const requestId = `rollup-rx-${String(i).padStart(4, '0')}`;
      const program = connect.programForVisit(requestId, 'burnout')!;
      if (i <= 2) connect.requestHelp(requestId, program.id);
    }
    await until('sent', () => hubSyncOf(k.services).outbox.lag().events === 0);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
    const tablet = await hubStaffLogin(hub, 'staff');
    const r = await tablet.value<{ suppressedBelow: number; rows: { venue: string; day: string; metric: string; value: number | null }[] }>('GET', `/v1/rollup?from=${day}&to=${day}`);
    const mine = Object.fromEntries(r.rows.filter((x) => x.venue === 'rollup-venue').map((x) => [x.metric, x.value]));
    expect(r.suppressedBelow).toBe(5);
    expect(r.rows.every((x) => x.day === day)).toBe(true);
    expect(mine).toMatchObject({ check_ins: 6, snacks: 6, crisis_taps: null, 'programs_suggested:healing': 6, 'program_help:healing': null });
    expect(Object.keys(mine).filter((m) => m.startsWith('program'))).toEqual(['program_help:healing', 'programs_suggested:healing']);
    const csv = (await tablet.text(`/v1/rollup.csv?from=${day}&to=${day}`)).body;
    expect(csv.split('\n')[0]).toBe('venue,day,metric,value');
    expect(csv).toContain(`rollup-venue,${day},check_ins,6`);
    expect(csv).toContain(`rollup-venue,${day},crisis_taps,<5`);
    expect((await tablet.get('/v1/rollup?from=yesterday')).error).toMatchObject({ code: 'hub.bad_request' });
    // Figures leaving the venue are recorded with the PIN that took them.
    expect((await hub.pool.query("SELECT count(*)::int AS n FROM staff_actions WHERE route LIKE 'GET /v1/rollup%'")).rows[0].n).toBeGreaterThanOrEqual(2);
  });

  it('counts 동행 가게 coupons per shop id, and nothing of a code, a visit or a person', async () => {
    const k = await kiosk('rollup-kiosk-2', 'rollup-coupons');
    const shops = (k.services.domains.get('coupons')!.service as { shops: import('../../electron/services/coupons/coupon-shops').CouponShops }).shops;
    const shop = shops.save({ nameKo: '가나 반찬', nameEn: 'Gana', address: '중구', district: 'jung', givesKo: '반찬 나눔', givesEn: 'side dish', dailyBudget: 10, validityDays: 7 }, new Date());
    const symptomId = (await call(k, 'pharmacy.catalog')).symptoms[0].id;
    for (let i = 1; i <= 5; i++) {
      const requestId = `rollup-coupon-${String(i).padStart(4, '0')}`;
      await call(k, 'pharmacy.prescribe', { symptomId, requestId, language: 'ko' });
      await call(k, 'coupons.take', { requestId, shopId: shop.id, language: 'ko' });
    }
    await until('sent', () => hubSyncOf(k.services).outbox.lag().events === 0);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
    // Staff read it with an enrolled device and a PIN; the city's job with its token (hub-city-export.test.ts).
    const tablet = await hubStaffLogin(hub, 'staff');
    const r = await tablet.value<{ rows: { venue: string; day: string; metric: string; value: number | null }[] }>('GET', `/v1/rollup?from=${day}&to=${day}`);
    const mine = r.rows.filter((x) => x.venue === 'rollup-coupons');
    expect(Object.fromEntries(mine.map((x) => [x.metric, x.value]))).toMatchObject({ [`coupon.issued:${shop.id}`]: 5 });
    // Coupon metrics name a shop and nothing else.
    for (const x of mine.filter((m) => m.metric.startsWith('coupon.'))) expect(x.metric).toMatch(/^coupon\.(issued|redeemed):shop-[a-z0-9]+$/);
    for (const x of r.rows) expect(Object.keys(x).sort()).toEqual(['day', 'metric', 'value', 'venue']);
  });
});
