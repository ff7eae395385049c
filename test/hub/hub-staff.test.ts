/**
 * The hub's staff side on the kiosk's rules, on a real PostgreSQL: only an
 * enrolled device (one-time code, credential cookie stored as a hash) gets
 * past the pairing page; a PIN by role opens a session bound to that device;
 * five wrong PINs lock that device's pad; the door checks each route's rule
 * and records actions; a revoked device is out at once; sessions time out on
 * the monotonic clock, whatever the wall clock does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { HUB_TEST_PINS, HubStaffDevice, hubStaffLogin, startTestHub } from '../support/hub';
import { SESSION_IDLE_MS } from '../../electron/services/staff/staff-sessions';
import { admitRole, hubAccess } from '../../electron/hub/hub-access';
import { CURRENT_PARAMS } from '../../electron/services/staff/pin-hash';
import { HubStaff } from '../../electron/hub/hub-staff';

let postgres: TestPostgres;
let hub: Awaited<ReturnType<typeof startTestHub>>;
/** The sessions' clock (monotonic in production): tests move it instead of waiting. */
let monoMs = 0;
/** The hub's wall clock offset: an NTP step, or a technician setting the date. */
let wallSkewMs = 0;

beforeAll(async () => {
  postgres = await startTestPostgres();
  hub = await startTestHub(postgres.url, { now: () => new Date(Date.now() + wallSkewMs), sessionClock: () => monoMs });
  await hub.staff.addPin('admin', 'admin', HUB_TEST_PINS.admin);
}, 120_000);

afterAll(async () => {
  await hub?.remove();
  await postgres?.remove();
}, 60_000);

describe('devices', { timeout: 60_000 }, () => {
  it('a device that is not enrolled sees only the pairing page, and no data, from this machine too', async () => {
    const stranger = HubStaffDevice.stranger(hub.url);
    const page = await stranger.text('/staff');
    expect(page.body).toContain('data-testid="pair-code"');
    expect(page.body).not.toContain('hub-fleet');
    expect(await stranger.get('/v1/fleet')).toMatchObject({ status: 403, error: { code: 'hub.forbidden' } });
    expect(await stranger.login(HUB_TEST_PINS.admin)).toMatchObject({ status: 403, error: { code: 'hub.forbidden' } });
    // A forged cookie is no better than none.
    const forged = HubStaffDevice.stranger(hub.url, `itda_device=${'x'.repeat(43)}`);
    expect(await forged.get('/v1/alerts')).toMatchObject({ status: 403 });
  });

  it('a pairing code works once and only as its hash is stored; a wrong one gets the page again with a kind notice', async () => {
    const { code } = await hub.staff.createPairingCode('back office', 'test');
    const stored = await hub.pool.query('SELECT code_hash FROM staff_pairing_codes');
    expect(stored.rows.map((r) => r.code_hash)).not.toContain(code);
    const wrong = await fetch(`${hub.url}/pair`, { method: 'POST', body: new URLSearchParams({ code: 'ABCDE-FGHJK' }), redirect: 'manual' });
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain('코드가 맞지 않거나 시간이 지났어요');
    const first = await fetch(`${hub.url}/pair`, { method: 'POST', body: new URLSearchParams({ code: code.toLowerCase() }), redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^itda_device=[A-Za-z0-9_-]{40,}; Path=\/; Max-Age=\d+; HttpOnly; Secure; SameSite=Strict$/);
    const credential = /^itda_device=([^;]+)/.exec(cookie)![1];
    const devices = await hub.pool.query("SELECT credential_hash FROM staff_devices WHERE name = 'back office'");
    expect(devices.rows[0].credential_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(devices.rows[0].credential_hash).not.toBe(credential);
    const again = await fetch(`${hub.url}/pair`, { method: 'POST', body: new URLSearchParams({ code }), redirect: 'manual' });
    expect(again.status).toBe(403);
  });

  it('a revoked device is refused at once, its open session with it', async () => {
    const tablet = await hubStaffLogin(hub, 'staff');
    expect((await tablet.get('/v1/fleet')).ok).toBe(true);
    const id = (await hub.pool.query("SELECT id FROM staff_devices WHERE name = 'tablet-staff' AND revoked_at IS NULL ORDER BY enrolled_at DESC LIMIT 1")).rows[0].id;
    expect(await hub.staff.revokeDevice(id)).toBe(true);
    expect(await tablet.get('/v1/fleet')).toMatchObject({ status: 403, error: { code: 'hub.forbidden' } });
    expect((await tablet.text('/staff')).body).toContain('data-testid="pair-code"');
  });
});

describe('PINs and sessions', { timeout: 60_000 }, () => {
  it('an enrolled device still needs a PIN; PINs are stored as scrypt hashes under the kiosk rules', async () => {
    const tablet = await HubStaffDevice.enroll(hub, 'pin-rules tablet');
    expect(await tablet.get('/v1/alerts')).toMatchObject({ status: 401, error: { code: 'staff.session_expired' } });
    await expect(hub.staff.addPin('technician', 'tech', '1234')).rejects.toMatchObject({ code: 'staff.pin_invalid' });
    await expect(hub.staff.addPin('staff', 'too simple', '1111')).rejects.toMatchObject({ code: 'staff.pin_invalid' });
    await expect(hub.staff.addPin('staff', 'again', HUB_TEST_PINS.admin)).rejects.toMatchObject({ code: 'staff.pin_taken' });
    const row = (await hub.pool.query("SELECT salt, hash, params FROM staff_pins WHERE role = 'admin'")).rows[0];
    expect(row.hash).not.toContain(HUB_TEST_PINS.admin);
    expect(JSON.parse(row.params)).toMatchObject({ alg: 'scrypt' });
    expect((await tablet.login(HUB_TEST_PINS.admin)).value).toMatchObject({ role: 'admin' });
    expect((await tablet.get('/v1/alerts')).ok).toBe(true);
  });

  it('five wrong PINs lock that device’s pad (saying until when), not another device’s', async () => {
    const a = await HubStaffDevice.enroll(hub, 'lock tablet a');
    const b = await HubStaffDevice.enroll(hub, 'lock tablet b');
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await a.login('97531'));
    expect(answers.slice(0, 4).map((r) => [r.status, r.error?.code, r.error?.details?.[0]])).toEqual([
      [401, 'staff.pin_wrong', '4'],
      [401, 'staff.pin_wrong', '3'],
      [401, 'staff.pin_wrong', '2'],
      [401, 'staff.pin_wrong', '1'],
    ]);
    expect(answers[4]).toMatchObject({ status: 429, error: { code: 'staff.locked' } });
    const until = Date.parse(answers[4].error!.details![0]);
    expect(until - Date.now()).toBeGreaterThan(4 * 60_000);
    // Even the right PIN waits out the lock on that device...
    expect(await a.login(HUB_TEST_PINS.admin)).toMatchObject({ status: 429, error: { code: 'staff.locked' } });
    // ...while the next tablet is not punished for it.
    expect((await b.login(HUB_TEST_PINS.admin)).ok).toBe(true);
  });

  it('a session belongs to the device that opened it', async () => {
    const a = await hubStaffLogin(hub, 'staff');
    const b = await HubStaffDevice.enroll(hub, 'thief tablet');
    b.token = a.token;
    expect(await b.get('/v1/fleet')).toMatchObject({ status: 401, error: { code: 'staff.session_expired' } });
    expect((await a.get('/v1/fleet')).ok).toBe(true);
  });

  it('ends two minutes after the last input on the monotonic clock; a wall-clock jump either way changes nothing', async () => {
    const tablet = await hubStaffLogin(hub, 'staff');
    // NTP steps the wall clock a day forward, then an hour back: still logged in.
    wallSkewMs = 24 * 3600_000;
    expect((await tablet.get('/v1/fleet')).ok).toBe(true);
    wallSkewMs = -3600_000;
    expect((await tablet.get('/v1/fleet')).ok).toBe(true);
    wallSkewMs = 0;
    // Input keeps it; a poll does not.
    monoMs += SESSION_IDLE_MS - 1_000;
    expect((await tablet.post('/staff/activity', {})).ok).toBe(true);
    monoMs += SESSION_IDLE_MS - 1_000;
    expect((await tablet.get('/v1/fleet')).ok).toBe(true);
    monoMs += 2_000;
    expect(await tablet.get('/v1/fleet')).toMatchObject({ status: 401, error: { code: 'staff.session_expired' } });
    expect(await tablet.post('/staff/activity', {})).toMatchObject({ status: 401 });
  });

  it('logging out ends the session', async () => {
    const tablet = await hubStaffLogin(hub, 'staff');
    expect((await tablet.post('/staff/logout', {})).ok).toBe(true);
    expect(await tablet.get('/v1/alerts')).toMatchObject({ status: 401 });
  });
});

describe('the door', () => {
  it('gives every staff route a rule, and acting routes are recorded with the PIN behind them', async () => {
    for (const [route, rule] of Object.entries(hubAccess)) {
      expect(route).toMatch(/^(GET|POST) \/v1\//);
      expect(['staff', 'technician', 'admin']).toContain(rule.who);
    }
    const s = { role: 'staff' } as Parameters<typeof admitRole>[1];
    expect(() => admitRole({ who: 'technician', does: 'read' }, s)).toThrow(expect.objectContaining({ code: 'staff.forbidden' }));
    expect(() => admitRole({ who: 'staff', does: 'read' }, { ...s, role: 'admin' })).not.toThrow();
    const tablet = await hubStaffLogin(hub, 'staff');
    const before = (await hub.pool.query('SELECT count(*)::int AS n FROM staff_actions')).rows[0].n;
    await tablet.value('GET', '/v1/fleet');
    expect((await hub.pool.query('SELECT count(*)::int AS n FROM staff_actions')).rows[0].n).toBe(before);
    await tablet.value('POST', '/v1/alerts/acknowledge', { kioskId: 'no-such-kiosk', alertId: 'a1' });
    const last = (await hub.pool.query('SELECT route, role, pin_id, device_id, target FROM staff_actions ORDER BY id DESC LIMIT 1')).rows[0];
    expect(last).toMatchObject({ route: 'POST /v1/alerts/acknowledge', role: 'staff', target: 'a1', pin_id: expect.any(String), device_id: expect.any(String) });
  });

  it('a hub started without test options hashes PINs with the shipped scrypt parameters', async () => {
    const staff = new HubStaff(hub.pool);
    const id = await staff.addPin('technician', 'shipped params', '739146');
    const row = (await hub.pool.query('SELECT params FROM staff_pins WHERE id = $1', [id])).rows[0];
    expect(JSON.parse(row.params)).toEqual(CURRENT_PARAMS);
  });
});
