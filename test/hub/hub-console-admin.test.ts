/**
 * The hub console's admin section, on a real PostgreSQL: an admin PIN lists,
 * adds (PIN typed on the page) and removes staff PINs, lists and revokes
 * enrolled tablets and city tokens, each action recorded at the door; a staff
 * or technician PIN is refused on every admin route; the last admin PIN
 * cannot be removed, not even by two admins removing each other at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { HUB_TEST_PINS, HubStaffDevice, hubStaffLogin, startTestHub } from '../support/hub';
import { hubAccess } from '../../electron/hub/hub-access';
import { createCityToken } from '../../electron/hub/city-export';

let postgres: TestPostgres;
let hub: Awaited<ReturnType<typeof startTestHub>>;
let admin: HubStaffDevice;

const adminRoutes = Object.keys(hubAccess).filter((r) => r.includes('/v1/admin/'));
const lastAction = async () => (await hub.pool.query('SELECT route, role, pin_id, device_id, target FROM staff_actions ORDER BY id DESC LIMIT 1')).rows[0];

beforeAll(async () => {
  postgres = await startTestPostgres();
  hub = await startTestHub(postgres.url);
  admin = await hubStaffLogin(hub, 'admin');
}, 120_000);

afterAll(async () => {
  await hub?.remove();
  await postgres?.remove();
}, 60_000);

describe('who may manage the hub', { timeout: 60_000 }, () => {
  it('every admin route has an admin rule; a staff or technician PIN is refused on each, and nothing changes', async () => {
    expect(adminRoutes.sort()).toEqual([
      'GET /v1/admin/city-tokens',
      'GET /v1/admin/devices',
      'GET /v1/admin/pins',
      'POST /v1/admin/city-tokens/revoke',
      'POST /v1/admin/devices/pair',
      'POST /v1/admin/devices/revoke',
      'POST /v1/admin/pins',
      'POST /v1/admin/pins/remove',
    ]);
    for (const r of adminRoutes) expect([r, hubAccess[r as keyof typeof hubAccess].who]).toEqual([r, 'admin']);
    const pinsBefore = (await hub.pool.query('SELECT count(*)::int AS n FROM staff_pins WHERE removed_at IS NULL')).rows[0].n;
    for (const role of ['staff', 'technician'] as const) {
      const tablet = await hubStaffLogin(hub, role);
      for (const route of adminRoutes) {
        const [method, path] = route.split(' ') as ['GET' | 'POST', string];
        const r = method === 'GET' ? await tablet.get(path) : await tablet.post(path, { role: 'admin', label: 'sneaky', pin: '582947', pinId: 'x', deviceId: 'x', name: 'x' });
        expect([role, route, r.status, r.error?.code]).toEqual([role, route, 403, 'staff.forbidden']);
      }
    }
    expect((await hub.pool.query('SELECT count(*)::int AS n FROM staff_pins WHERE removed_at IS NULL')).rows[0].n).toBe(pinsBefore + 2);
    expect((await hub.pool.query("SELECT count(*)::int AS n FROM staff_pins WHERE label = 'sneaky'")).rows[0].n).toBe(0);
    // A device that is not enrolled does not get that far.
    expect(await HubStaffDevice.stranger(hub.url).get('/v1/admin/pins')).toMatchObject({ status: 403, error: { code: 'hub.forbidden' } });
  });

  it('the console page carries the admin section (shown to an admin PIN only)', async () => {
    const page = await admin.text('/staff');
    expect(page.body).toContain('data-testid="hub-admin"');
    expect(page.body).toContain('data-testid="hub-add-pin"');
    expect(page.body).toContain("sessionStorage.getItem('itdaHubRole') === 'admin'");
  });
});

describe('staff PINs from the console', { timeout: 60_000 }, () => {
  it('lists PINs by role and label, never a hash or salt', async () => {
    const { pins } = await admin.value<{ pins: Record<string, unknown>[] }>('GET', '/v1/admin/pins');
    expect(pins.length).toBeGreaterThanOrEqual(1);
    expect(pins[0]).toMatchObject({ role: 'admin', label: 'admin', id: expect.any(String), createdAt: expect.any(String) });
    for (const p of pins) expect(Object.keys(p).sort()).toEqual(['createdAt', 'id', 'label', 'role']);
  });

  it('adds a PIN typed on the page (under the kiosk rules); the new PIN logs in; the record names the label, never the PIN', async () => {
    const added = await admin.post<{ id: string }>('/v1/admin/pins', { role: 'staff', label: '안내 데스크', pin: '5820' });
    expect(added).toMatchObject({ status: 200, ok: true });
    expect(await lastAction()).toMatchObject({ route: 'POST /v1/admin/pins', role: 'admin', target: '안내 데스크', pin_id: expect.any(String), device_id: expect.any(String) });
    expect(JSON.stringify(await hub.pool.query('SELECT * FROM staff_actions')).includes('5820')).toBe(false);
    const desk = await HubStaffDevice.enroll(hub, 'desk tablet');
    expect((await desk.login('5820')).value).toMatchObject({ role: 'staff' });

    expect(await admin.post('/v1/admin/pins', { role: 'admin', label: 'short', pin: '5820' })).toMatchObject({ status: 400, error: { code: 'staff.pin_invalid' } });
    expect(await admin.post('/v1/admin/pins', { role: 'staff', label: 'run', pin: '1234' })).toMatchObject({ status: 400, error: { code: 'staff.pin_invalid' } });
    expect(await admin.post('/v1/admin/pins', { role: 'technician', label: 'same', pin: '5820' })).toMatchObject({ status: 400, error: { code: 'staff.pin_invalid' } });
    expect(await admin.post('/v1/admin/pins', { role: 'staff', label: 'same', pin: '5820' })).toMatchObject({ status: 409, error: { code: 'staff.pin_taken' } });
    expect(await admin.post('/v1/admin/pins', { role: 'owner', label: 'x', pin: '582047' })).toMatchObject({ status: 400, error: { code: 'hub.bad_request' } });
    expect(await admin.post('/v1/admin/pins', { role: 'staff', label: 'bad\nlabel', pin: '582047' })).toMatchObject({ status: 400, error: { code: 'hub.bad_request' } });
  });

  it('removes a PIN: its open session ends with it', async () => {
    const id = (await admin.value<{ id: string }>('POST', '/v1/admin/pins', { role: 'technician', label: 'leaving tech', pin: '604817' })).id;
    const tech = await HubStaffDevice.enroll(hub, 'tech tablet');
    expect((await tech.login('604817')).ok).toBe(true);
    expect((await tech.get('/v1/fleet')).ok).toBe(true);
    expect(await admin.post('/v1/admin/pins/remove', { pinId: id })).toMatchObject({ status: 200, value: { removed: id } });
    expect(await lastAction()).toMatchObject({ route: 'POST /v1/admin/pins/remove', target: id });
    expect(await tech.get('/v1/fleet')).toMatchObject({ status: 401, error: { code: 'staff.session_expired' } });
    expect(await tech.login('604817')).toMatchObject({ status: 401, error: { code: 'staff.pin_wrong' } });
    expect(await admin.post('/v1/admin/pins/remove', { pinId: id })).toMatchObject({ status: 404, error: { code: 'staff.pin_not_found' } });
  });

  it('never removes the last admin PIN, not even when two admins remove each other at once', async () => {
    const onlyAdmin = (await hub.pool.query("SELECT id FROM staff_pins WHERE role = 'admin' AND removed_at IS NULL")).rows;
    expect(onlyAdmin).toHaveLength(1);
    expect(await admin.post('/v1/admin/pins/remove', { pinId: onlyAdmin[0].id })).toMatchObject({ status: 409, error: { code: 'staff.last_admin' } });
    expect((await admin.get('/v1/admin/pins')).ok).toBe(true);

    // Two admins removing each other at once, five times over: the admin rows are locked in turn,
    // so each time exactly one removal wins and one admin stays (without the lock most rounds lose both).
    const stayed = [onlyAdmin[0].id as string];
    for (const pin of ['739205', '604183', '815926', '927364', '358172']) {
      const fresh = await hub.staff.addPin('admin', `race ${pin}`, pin);
      const both = await Promise.allSettled([hub.staff.removePin(stayed[0]), hub.staff.removePin(fresh)]);
      expect(both.map((x) => x.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((both.find((x) => x.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'staff.last_admin' });
      expect((await hub.pool.query("SELECT id FROM staff_pins WHERE role = 'admin' AND removed_at IS NULL")).rows.map((r) => r.id)).toHaveLength(1);
      stayed[0] = both[0].status === 'fulfilled' ? fresh : stayed[0];
    }
    // Bring the first admin PIN back (if a round removed it) for the tests below.
    if (stayed[0] !== onlyAdmin[0].id) {
      await hub.staff.addPin('admin', 'admin', HUB_TEST_PINS.admin);
      expect((await admin.login(HUB_TEST_PINS.admin)).ok).toBe(true);
    }
    expect((await admin.get('/v1/admin/pins')).ok).toBe(true);
  });
});

describe('tablets and city tokens from the console', { timeout: 60_000 }, () => {
  it('lists enrolled tablets by name and date and revokes one, which is out at once', async () => {
    const spare = await hubStaffLogin(hub, 'staff');
    const { devices, thisDevice } = await admin.value<{ devices: Record<string, unknown>[]; thisDevice: string }>('GET', '/v1/admin/devices');
    expect(devices.find((d) => d.id === thisDevice)).toMatchObject({ name: 'tablet-admin', revokedAt: null });
    for (const d of devices) expect(Object.keys(d).sort()).toEqual(['enrolledAt', 'id', 'name', 'revokedAt']);
    const mine = devices.find((d) => d.name === 'tablet-staff' && d.revokedAt === null)!;
    expect(mine).toBeTruthy();
    expect(await admin.post('/v1/admin/devices/revoke', { deviceId: mine.id })).toMatchObject({ status: 200 });
    expect(await lastAction()).toMatchObject({ route: 'POST /v1/admin/devices/revoke', target: mine.id });
    expect(await spare.get('/v1/fleet')).toMatchObject({ status: 403, error: { code: 'hub.forbidden' } });
    const after = (await admin.value<{ devices: { id: string; revokedAt: string | null }[] }>('GET', '/v1/admin/devices')).devices.find((d) => d.id === mine.id)!;
    expect(after.revokedAt).toEqual(expect.any(String));
    expect(await admin.post('/v1/admin/devices/revoke', { deviceId: mine.id })).toMatchObject({ status: 404, error: { code: 'staff.device_not_found' } });
  });

  it('makes a one-time pairing code for a new tablet, which enrolls it once', async () => {
    const made = await admin.value<{ code: string; expiresAt: string }>('POST', '/v1/admin/devices/pair', { name: '상담실 태블릿' });
    expect(made.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(Date.parse(made.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(await lastAction()).toMatchObject({ route: 'POST /v1/admin/devices/pair', target: '상담실 태블릿' });
    const pair = () => fetch(`${hub.url}/pair`, { method: 'POST', body: new URLSearchParams({ code: made.code }), redirect: 'manual' });
    expect((await pair()).status).toBe(303);
    expect((await pair()).status).toBe(403);
    const { devices } = await admin.value<{ devices: { name: string; revokedAt: string | null }[] }>('GET', '/v1/admin/devices');
    expect(devices.filter((d) => d.name === '상담실 태블릿')).toEqual([expect.objectContaining({ revokedAt: null })]);
    expect(await admin.post('/v1/admin/devices/pair', { name: '' })).toMatchObject({ status: 400, error: { code: 'hub.bad_request' } });
  });

  it('lists city tokens (names and dates) with what the city fetched, and revokes one', async () => {
    const t = await createCityToken(hub.pool, 'seoul-center', 'test');
    const fetched = await fetch(`${hub.url}/v1/rollup?from=2026-11-01&to=2026-11-30`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(fetched.status).toBe(200);
    const listed = await admin.value<{ tokens: Record<string, unknown>[]; reads: Record<string, unknown>[] }>('GET', '/v1/admin/city-tokens');
    expect(listed.tokens).toEqual([{ id: t.id, name: 'seoul-center', createdAt: t.createdAt, createdBy: 'test', lastUsedAt: expect.any(String), revokedAt: null }]);
    expect(listed.reads).toEqual([{ at: expect.any(String), name: 'seoul-center', route: 'GET /v1/rollup', from: '2026-11-01', to: '2026-11-30', rows: 0 }]);
    expect(JSON.stringify(listed)).not.toMatch(/[0-9a-f]{64}|itda_city_/);

    expect(await admin.post('/v1/admin/city-tokens/revoke', { name: 'seoul-center' })).toMatchObject({ status: 200 });
    expect(await lastAction()).toMatchObject({ route: 'POST /v1/admin/city-tokens/revoke', target: 'seoul-center' });
    expect((await fetch(`${hub.url}/v1/rollup`, { headers: { authorization: `Bearer ${t.token}` } })).status).toBe(401);
    expect(await admin.post('/v1/admin/city-tokens/revoke', { name: 'seoul-center' })).toMatchObject({ status: 404, error: { code: 'hub.not_found' } });
  });
});
