/**
 * The staff console through the one dispatcher (what IPC and the web host
 * both call): PIN setup and login, the lockout, role checks, restock changing
 * what the Mind Pharmacy can give, a jam raised as an alert and cleared in
 * maintenance mode, the check-in flow's staff methods behind the PIN, and a
 * diagnostics bundle free of personal data. All devices are simulators.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { composeServices, type Services } from '../../electron/services/compose';
import { parseConfig } from '../../electron/services/config/load-config';
import { createLogger } from '../../electron/services/app/logger';
import type { PushEvent } from '../../electron/contract/events';
import type { VendingServiceImpl } from '../../electron/services/vending/vending-service';
import { makeTempDir } from '../support/temp-dir';
import { setUpStaff, TEST_PINS, TEST_STAFF_HOST } from '../support/staff-pins';

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let pushes: PushEvent[];

beforeEach(async () => {
  temp = makeTempDir('itda-staff-');
  process.env.ITDA_CONFIG = join(temp.path, 'config.json');
  pushes = [];
  services = await composeServices({
    dataDir: temp.path,
    config: parseConfig({ kioskId: 'staff-test', vending: { sim: { vendMs: 0 } } }),
    host: 'web',
    version: 'test',
    logger: createLogger({ dir: join(temp.path, 'logs'), echo: false }),
    staff: TEST_STAFF_HOST,
  });
  services.onPush((e) => pushes.push(e));
  await (services.domains.get('vending')!.service as VendingServiceImpl).whenReady();
});
afterEach(async () => {
  await services.close();
  delete process.env.ITDA_CONFIG;
  temp.remove();
});

async function call(method: string, input: unknown = {}): Promise<any> {
  const r = await services.dispatch(method, input, { transport: 'ws' });
  if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code}`), { code: r.error.code, details: r.error.details });
  return r.value;
}
async function fails(method: string, input: unknown = {}): Promise<string> {
  const r = await services.dispatch(method, input, { transport: 'ws' });
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error.code;
}

const setUp = () => setUpStaff(services, { transport: 'ws' });

describe('staff console', { timeout: 30_000 }, () => {
  it('asks for an admin PIN on first start, then locks after five wrong PINs', async () => {
    expect(await call('staff.authState')).toEqual({ needsSetup: true, lockedUntil: null, failures: 0 });
    expect(await fails('staff.login', { pin: '0000' })).toBe('staff.setup_required');
    await setUp();
    for (let i = 0; i < 4; i++) expect(await fails('staff.login', { pin: '1111' })).toBe('staff.pin_wrong');
    expect(await fails('staff.login', { pin: '1111' })).toBe('staff.locked');
    expect(await fails('staff.login', { pin: TEST_PINS.admin })).toBe('staff.locked');
    expect((await call('staff.authState')).lockedUntil).not.toBeNull();
  });

  it('refuses staff methods without a valid token or with too low a role, and records each action with its role', async () => {
    const t = await setUp();
    expect(await fails('vending.staffStock', { token: 'x'.repeat(32) })).toBe('staff.session_expired');
    expect(await fails('vending.staffStock', {})).toBe('contract.invalid_input');
    expect(await fails('staff.setMaintenance', { token: t.staff, open: true })).toBe('staff.forbidden');
    expect(await fails('staff.pins', { token: t.tech })).toBe('staff.forbidden');
    await call('vending.staffRestock', { token: t.staff, slot: 2, count: 5 });
    const actions = services.events!.recent({ types: ['staff.action'] }).map((e) => e.payload);
    expect(actions).toContainEqual(expect.objectContaining({ role: 'staff', action: 'vending.staffRestock', target: 2, principal: 'local', peer: null }));
    await call('staff.logout', { token: t.staff });
    expect(await fails('vending.staffStock', { token: t.staff })).toBe('staff.session_expired');
  });

  it('restock changes what the Mind Pharmacy can give', async () => {
    const t = await setUp();
    for (const slot of [1, 2, 3]) await call('vending.staffRestock', { token: t.staff, slot, count: 0 });
    expect(await call('vending.giftAvailable', { category: 'tea' })).toEqual({ available: false });
    const { slots } = await call('vending.staffRestock', { token: t.staff, slot: 2, count: 6 });
    expect(slots.find((s: any) => s.slot === 2)).toMatchObject({ count: 6, state: 'ok', inService: true });
    expect(await call('vending.giftAvailable', { category: 'tea' })).toEqual({ available: true });
    // A staff hold takes the slot out of service, and keeps it out after the cabinet's faults are cleared.
    await call('vending.staffSetSlotEnabled', { token: t.staff, slot: 2, enabled: false });
    expect(await call('vending.giftAvailable', { category: 'tea' })).toEqual({ available: false });
    await call('staff.setMaintenance', { token: t.tech, open: true });
    await call('vending.staffClearFaults', { token: t.tech });
    expect(await call('vending.giftAvailable', { category: 'tea' })).toEqual({ available: false });
    await call('vending.staffSetSlotEnabled', { token: t.staff, slot: 2, enabled: true });
    expect(await call('vending.giftAvailable', { category: 'tea' })).toEqual({ available: true });
  });

  it('shows a jam as an alert; a technician clears it in maintenance mode and the slot serves again', async () => {
    const t = await setUp();
    const vending = services.domains.get('vending')!.service as VendingServiceImpl;
    await call('vending.simFaults', { token: t.tech, faults: { slots: { '1': 'jam' } } });
    const v = await vending.vendGift({ category: 'tea', reason: 'test', requestId: 'jam-test-0001' });
    expect(v.state).toBe('jammed');
    const { alerts } = await call('staff.alerts', { token: t.staff });
    const jam = alerts.find((a: any) => a.kind === 'vending_fault' && a.detail.slot === 1);
    expect(jam).toMatchObject({ detail: { code: 'vending.jammed' }, acknowledgedAt: null });
    expect((await call('vending.staffStock', { token: t.staff })).slots[0]).toMatchObject({ slot: 1, state: 'jammed', inService: false });

    expect(await fails('vending.staffClearFaults', { token: t.tech })).toBe('staff.maintenance_required');
    await call('staff.setMaintenance', { token: t.tech, open: true });
    expect(pushes).toContainEqual({ name: 'staff.maintenance', payload: expect.objectContaining({ open: true }) });
    expect(await call('staff.maintenanceState')).toMatchObject({ open: true });
    await call('vending.simFaults', { token: t.tech, faults: { slots: { '1': 'ok' } } }); // the technician frees the spiral
    await call('vending.staffClearFaults', { token: t.tech });
    expect((await call('vending.staffStock', { token: t.staff })).slots[0]).toMatchObject({ slot: 1, state: 'ok', inService: true });
    const acked = await call('staff.acknowledgeAlert', { token: t.staff, alertId: jam.id });
    expect(acked.acknowledgedBy).toMatch(/^staff:/);
    await call('staff.setMaintenance', { token: t.tech, open: false });
    const again = await vending.vendGift({ category: 'tea', reason: 'test', requestId: 'jam-test-0002' });
    expect(again.state).toBe('delivered');
    // The frame monitor saw the exchange, decoded.
    const { frames } = await call('vending.staffFrames', { token: t.tech });
    expect(frames.some((f: any) => f.name.startsWith('DISPENSE'))).toBe(true);
  });

  it('maintenance closes when the technician session that opened it logs out', async () => {
    const t = await setUp();
    await call('staff.setMaintenance', { token: t.tech, open: true });
    await call('staff.logout', { token: t.tech });
    expect(await call('staff.maintenanceState')).toMatchObject({ open: false });
  });

  it('keeps the check-in flow staff methods behind the PIN', async () => {
    const t = await setUp();
    expect(await fails('store.staffCallNext')).toBe('contract.invalid_input');
    expect(await fails('store.staffCallNext', { token: 'y'.repeat(32) })).toBe('staff.session_expired');
    expect(await call('store.staffQueue', { token: t.staff })).toMatchObject({ entries: [] });
    expect(await fails('store.staffPurge', { token: t.staff })).toBe('staff.forbidden');
    expect(await call('store.staffPurge', { token: t.admin })).toEqual({ erased: 0 });
  });

  it('edits configuration with validation; idle timing applies at once, device addresses at the next start', async () => {
    const t = await setUp();
    const bad = await services.dispatch('staff.updateConfig', { token: t.tech, patch: { idleSeconds: 1 } }, { transport: 'ws' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'staff.config_invalid' } });
    const r = await call('staff.updateConfig', { token: t.tech, patch: { idleSeconds: 90, printer: { uri: 'tcp://127.0.0.1:9100' } } });
    expect(r.applied).toEqual(['idleSeconds']);
    expect(r.restartRequired).toEqual(['printer.uri']);
    expect((await call('app.info')).idleSeconds).toBe(90);
  });

  it('builds a diagnostics bundle with counts and logs but no phone number or nickname', async () => {
    const t = await setUp();
    services.db!.prepare("INSERT INTO store_visitors (id, nickname, phone_enc, phone_hash, first_visit_at, last_visit_at) VALUES ('v1', '구름이', 'enc', 'hash', 'x', 'x')").run();
    services.logger.info('visitor identified', { phone: '010-1234-5678', nickname: '구름이' });
    services.logger.warn('message that should never carry 010 9876 5432 or 구름이, but did');
    const { filename, content } = await call('staff.diagnostics', { token: t.tech });
    expect(filename).toMatch(/^itda-diagnostics-staff-test-.*\.json$/);
    const bundle = JSON.parse(content);
    expect(bundle.database.integrity).toEqual(['ok']);
    expect(bundle.database.rowCounts.store_visitors).toBe(1);
    expect(bundle.log.length).toBeGreaterThan(0);
    for (const secret of ['010-1234-5678', '01012345678', '010 9876 5432', '구름이', TEST_PINS.admin, t.tech]) expect(content).not.toContain(secret);
  });

  it('aggregates the dashboard and exports it as CSV', async () => {
    const t = await setUp();
    await call('app.visitorEvent', { kind: 'session.start', language: 'ko' });
    const d = await call('staff.dashboard', { token: t.staff, days: 30 });
    expect(d.days).toHaveLength(30);
    expect(d.today.visitors).toBe(1);
    const { csv } = await call('staff.dashboardCsv', { token: t.staff, days: 7 });
    expect(csv).toContain(`daily_visitors,${d.days[29]},1`);
  });
});
