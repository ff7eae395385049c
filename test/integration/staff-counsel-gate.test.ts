/**
 * The counseling methods behind the staff PIN, through the one dispatcher:
 * queue reordering only with a session (the open contract refuses it), each
 * move an event with the role; erasure only for the admin; the last admin
 * PIN cannot be removed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services/compose';
import { startTestServices, type TestServices } from '../support/test-services';
import { login, setUpFirstAdmin, TEST_PINS } from '../support/staff-pins';

let kiosk: TestServices;
let services: Services;

beforeEach(async () => {
  kiosk = await startTestServices({ kioskId: 'gate-test', vending: { sim: { vendMs: 0 } } }, { prefix: 'itda-counsel-gate-', configEnv: true });
  services = kiosk.services;
});
afterEach(async () => {
  await kiosk.stop();
});

async function call(method: string, input: unknown = {}): Promise<any> {
  const r = await services.dispatch(method, input, { transport: 'ws' });
  if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code}`), { code: r.error.code });
  return r.value;
}
async function fails(method: string, input: unknown = {}): Promise<string> {
  const r = await services.dispatch(method, input, { transport: 'ws' });
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error.code;
}

describe('counseling behind the staff PIN', { timeout: 30_000 }, () => {
  it('staff move a visitor up the queue only through their session, and the move is logged with the role', async () => {
    const admin = await setUpFirstAdmin(services, { transport: 'ws' });
    await call('staff.addPin', { token: admin, role: 'staff', label: 'desk', pin: TEST_PINS.staff });
    const staff = await login(services, TEST_PINS.staff, { transport: 'ws' });
    for (const n of [1, 2]) {
      await call('store.start', { requestId: `gate-visit-000${n}`, consent: false });
      await call('store.talkNow', { requestId: `gate-visit-000${n}` });
    }
    const { entries } = await call('store.staffQueue', { token: staff });
    expect(await fails('store.staffMoveQueue', { entryId: entries[1].entryId, direction: 'up' })).toBe('contract.invalid_input');
    // The visitor's own screen has no session: it cannot reorder the queue either.
    const fromScreen = await services.dispatch('store.staffMoveQueue', { token: staff, entryId: entries[1].entryId, direction: 'up' }, { transport: 'ws', connectionId: 'ws-9', principal: { kind: 'screen' } });
    expect(fromScreen).toMatchObject({ ok: false, error: { code: 'staff.session_expired' } });
    const moved = await call('store.staffMoveQueue', { token: staff, entryId: entries[1].entryId, direction: 'up' });
    expect(moved.entries.map((e: { number: number }) => e.number)).toEqual([2, 1]);
    const actions = services.db!.prepare("SELECT payload FROM events WHERE type = 'staff.action'").pluck().all() as string[];
    expect(actions.map((p) => JSON.parse(p))).toContainEqual(expect.objectContaining({ role: 'staff', action: 'store.staffMoveQueue', target: entries[1].entryId }));
    expect(await fails('store.staffEraseVisitor', { token: staff, phone: '01012345678' })).toBe('staff.forbidden');
    expect(await fails('store.staffMoveQueue', { token: 'A'.repeat(32), entryId: entries[1].entryId, direction: 'down' })).toBe('staff.session_expired');
  });

  it('the last admin PIN cannot be removed; a second admin makes the first removable', async () => {
    const admin = await setUpFirstAdmin(services, { transport: 'ws' });
    const [only] = (await call('staff.pins', { token: admin })).pins;
    expect(await fails('staff.removePin', { token: admin, pinId: only.id })).toBe('staff.last_admin');
    await call('staff.addPin', { token: admin, role: 'admin', label: 'deputy', pin: '391746' });
    await call('staff.removePin', { token: admin, pinId: only.id });
    expect((await call('staff.pins', { token: await login(services, '391746', { transport: 'ws' }) })).pins.map((p: { label: string }) => p.label)).toEqual(['deputy']);
  });
});
