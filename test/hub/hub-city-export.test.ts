/**
 * The city's machine export, on a real PostgreSQL: `npm run hub -- city-token`
 * prints a bearer token once (the hub keeps its hash, name and time); the
 * city's scheduled job fetches the roll-up with it (JSON and CSV, coupons and
 * referrals counted, small counts suppressed), each fetch written down for the
 * venue; the token reaches no other route; a wrong or revoked token gets 401;
 * ranges are real days, in order, at most 366 of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { runHubCli, startTestHub, wireKiosk } from '../support/hub';
import { hubAccess } from '../../electron/hub/hub-access';
import { createCityToken, revokeCityToken } from '../../electron/hub/city-export';
import { startHubServer } from '../../electron/hub/hub-server';
import { selfSignedCert } from '../support/tls-cert';
import { makeTempDir } from '../support/temp-dir';
import { get as httpsGet } from 'node:https';
import { readFileSync } from 'node:fs';

let postgres: TestPostgres;
let hub: Awaited<ReturnType<typeof startTestHub>>;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());

beforeAll(async () => {
  postgres = await startTestPostgres();
  hub = await startTestHub(postgres.url);
}, 120_000);

afterAll(async () => {
  await hub?.remove();
  await postgres?.remove();
}, 60_000);

/** What the city's job does: a plain HTTP client with its token. */
async function cityGet(path: string, token: string | null, init: { method?: string; body?: string } = {}) {
  const r = await fetch(hub.url + path, { method: init.method ?? 'GET', body: init.body, headers: token ? { authorization: `Bearer ${token}`, 'content-type': 'application/json' } : {} });
  const text = await r.text();
  const json = r.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : null;
  return { status: r.status, text, json, type: r.headers.get('content-type') ?? '', disposition: r.headers.get('content-disposition') ?? '', authenticate: r.headers.get('www-authenticate') };
}

describe('the city export token', { timeout: 90_000 }, () => {
  let token = '';

  it('is printed once by `npm run hub -- city-token`; the hub keeps only its hash, the name and the time', async () => {
    const made = await runHubCli(postgres.url, ['city-token', '--name', 'seoul-center', '--json']);
    expect(made.code, made.stderr).toBe(0);
    const printed = JSON.parse(made.stdout) as { name: string; token: string; createdAt: string };
    expect(printed).toMatchObject({ name: 'seoul-center', token: expect.stringMatching(/^itda_city_[A-Za-z0-9_-]{43}$/) });
    token = printed.token;
    const rows = (await hub.pool.query('SELECT * FROM city_tokens')).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'seoul-center', created_by: 'cli', revoked_at: null, token_hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(rows)).not.toContain(token.slice('itda_city_'.length));
    expect(Math.abs(rows[0].created_at.getTime() - Date.parse(printed.createdAt))).toBeLessThan(1000);
    // A second live token under the same name is refused, saying what to do instead.
    const again = await runHubCli(postgres.url, ['city-token', '--name', 'seoul-center']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already has a live token: revoke it first .*revoke-city-token --name "seoul-center"/);
  });

  it('fetches the venue’s day as JSON and CSV, coupons and referrals counted, counts under 5 suppressed', async () => {
    const kiosk = await wireKiosk(hub, postgres.url, 'city-kiosk-1', 'city-venue');
    try {
      await kiosk.send('visitor.session_started', 7);
      await kiosk.send('coupon.issued', 6, { couponId: 'c', shopId: 'shop-gana' });
      await kiosk.send('coupon.redeemed', 2, { couponId: 'c', shopId: 'shop-gana' });
      await kiosk.send('referral.recorded', 5, { referralId: 'r', kind: 'centre' });
      await kiosk.send('referral.done', 3, { referralId: 'r' });
      await kiosk.send('store.crisis', 1, {});
    } finally {
      kiosk.close();
    }
    const day = today();
    const r = await cityGet(`/v1/rollup?from=${day}&to=${day}`, token);
    expect(r.status).toBe(200);
    expect(r.json.value).toMatchObject({ suppressedBelow: 5, from: day, to: day });
    const mine = Object.fromEntries((r.json.value.rows as { venue: string; metric: string; value: number | null }[]).filter((x) => x.venue === 'city-venue').map((x) => [x.metric, x.value]));
    expect(mine).toEqual({
      visits: 7,
      'coupon.issued:shop-gana': 6,
      'coupon.redeemed:shop-gana': null,
      'referral.recorded': 5,
      'referral.done': null,
      crisis_taps: null,
    });
    const csv = await cityGet(`/v1/rollup.csv?from=${day}&to=${day}`, token);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.disposition).toBe(`attachment; filename="itda-rollup-${day}-${day}.csv"`);
    expect(csv.text.split('\n')[0]).toBe('venue,day,metric,value');
    expect(csv.text).toContain(`city-venue,${day},referral.recorded,5`);
    expect(csv.text).toContain(`city-venue,${day},coupon.redeemed:shop-gana,<5`);

    // Each fetch is written down for the venue: who, which days, when, how many rows.
    const reads = (await hub.pool.query("SELECT t.name, r.route, to_char(r.from_day, 'YYYY-MM-DD') AS from_day, to_char(r.to_day, 'YYYY-MM-DD') AS to_day, r.row_count, r.at FROM city_reads r JOIN city_tokens t ON t.id = r.token_id ORDER BY r.id"))
      .rows;
    expect(reads.map((x) => [x.name, x.route, x.from_day, x.to_day, x.row_count])).toEqual([
      ['seoul-center', 'GET /v1/rollup', day, day, 6],
      ['seoul-center', 'GET /v1/rollup.csv', day, day, 6],
    ]);
    expect(Date.now() - reads[1].at.getTime()).toBeLessThan(60_000);
    expect((await hub.pool.query("SELECT last_used_at FROM city_tokens WHERE name = 'seoul-center'")).rows[0].last_used_at).toBeInstanceOf(Date);
    // The city's reads are not staff actions: no PIN was behind them.
    expect((await hub.pool.query('SELECT count(*)::int AS n FROM staff_actions')).rows[0].n).toBe(0);
  });

  it('reaches the roll-up and nothing else: fleet, alerts, queue, staff and admin routes refuse it and change nothing', async () => {
    const others = Object.entries(hubAccess).filter(([, rule]) => rule.city !== 'read');
    expect(others.map(([route]) => route)).toEqual(expect.arrayContaining(['GET /v1/fleet', 'GET /v1/alerts', 'POST /v1/alerts/acknowledge', 'GET /v1/admin/pins', 'POST /v1/admin/pins']));
    expect(Object.entries(hubAccess).filter(([, rule]) => rule.city === 'read').map(([route]) => route).sort()).toEqual(['GET /v1/rollup', 'GET /v1/rollup.csv']);
    const before = (await hub.pool.query('SELECT count(*)::int AS n FROM city_reads')).rows[0].n;
    for (const [route] of others) {
      const [method, path] = route.split(' ');
      const body = method === 'POST' ? JSON.stringify({ kioskId: 'city-kiosk-1', alertId: 'a1', role: 'admin', label: 'city', pin: '482613', pinId: 'x', deviceId: 'x', name: 'seoul-center' }) : undefined;
      const r = await cityGet(path, token, { method, body });
      expect([route, r.status, r.json?.error?.code]).toEqual([route, 403, 'hub.forbidden']);
      expect(r.json.error.message).toContain('reads the roll-up only');
    }
    // Nothing happened behind the refusals: no PIN added, no token revoked, no read recorded.
    expect((await hub.pool.query('SELECT count(*)::int AS n FROM staff_pins')).rows[0].n).toBe(0);
    expect((await hub.pool.query("SELECT revoked_at FROM city_tokens WHERE name = 'seoul-center'")).rows[0].revoked_at).toBeNull();
    expect((await hub.pool.query('SELECT count(*)::int AS n FROM city_reads')).rows[0].n).toBe(before);
    // Nor is it a kiosk credential, nor a way past the tablet pairing page.
    expect((await cityGet('/v1/events', token, { method: 'POST', body: '{"events":[]}' })).json.error.code).toBe('hub.unauthorized');
    const page = await cityGet('/staff', token);
    expect(page.text).toContain('data-testid="pair-code"');
    expect(page.text).not.toContain('hub-fleet');
  });

  it('a wrong, malformed or revoked token gets 401 with a clear JSON error', async () => {
    const day = today();
    const wrong = await cityGet(`/v1/rollup?from=${day}`, `itda_city_${'A'.repeat(43)}`);
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ ok: false, error: { code: 'hub.unauthorized', message: expect.stringContaining('not known, or was revoked') } });
    expect(wrong.authenticate).toBe('Bearer realm="itda-hub city export"');
    expect((await cityGet('/v1/rollup.csv', 'itda_city_short')).status).toBe(401);

    const spare = await createCityToken(hub.pool, 'district-jung', 'test');
    expect((await cityGet('/v1/rollup.csv', spare.token)).status).toBe(200);
    const revoked = await runHubCli(postgres.url, ['revoke-city-token', '--name', 'district-jung']);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain('city token district-jung revoked');
    const after = await cityGet('/v1/rollup.csv', spare.token);
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe('hub.unauthorized');
    expect(await revokeCityToken(hub.pool, 'district-jung')).toBe(false);
    // The name is free again once its token is revoked; the old token stays dead.
    const renewed = await createCityToken(hub.pool, 'district-jung', 'test');
    expect((await cityGet('/v1/rollup', renewed.token)).status).toBe(200);
    expect((await cityGet('/v1/rollup', spare.token)).status).toBe(401);
  });

  it('takes real calendar days, in order, at most 366 of them, and says what is wrong', async () => {
    const bad = async (query: string) => {
      const r = await cityGet(`/v1/rollup?${query}`, token);
      expect([query, r.status, r.json.error.code]).toEqual([query, 400, 'hub.bad_request']);
      return r.json.error.message as string;
    };
    expect(await bad('from=yesterday')).toContain('from: a day as YYYY-MM-DD');
    expect(await bad('from=2026-02-30&to=2026-03-01')).toContain('2026-02-30');
    expect(await bad('from=2026-1-05&to=2026-01-06')).toContain('YYYY-MM-DD');
    expect(await bad('from=2026-13-01&to=2026-12-31')).toContain('from:');
    expect(await bad('from=2026-01-01&to=2026-01-01T00:00')).toContain('to:');
    expect(await bad('from=2026-03-02&to=2026-03-01')).toContain('is after');
    expect(await bad('from=2025-01-01&to=2026-01-02')).toContain('at most 366 days');
    // 366 days exactly is one fetch (2024 was a leap year).
    const year = await cityGet('/v1/rollup?from=2024-01-01&to=2024-12-31', token);
    expect(year.status).toBe(200);
    expect(year.json.value).toMatchObject({ from: '2024-01-01', to: '2024-12-31', rows: [] });
  });

  it('is served over https, as a job on another machine fetches it', async () => {
    const dir = makeTempDir('itda-hub-city-tls-');
    const tls = selfSignedCert(dir.path);
    const server = await startHubServer({ pool: hub.pool, port: 0, host: '127.0.0.1', tls });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const day = today();
      const r = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        httpsGet(`${server.url}/v1/rollup.csv?from=${day}&to=${day}`, { ca: readFileSync(tls.certFile), headers: { authorization: `Bearer ${token}` } }, (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        }).on('error', reject);
      });
      expect(r.status).toBe(200);
      expect(r.body).toContain(`city-venue,${day},visits,7`);
    } finally {
      await server.close();
      dir.remove();
    }
  });
});
