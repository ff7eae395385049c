/**
 * The counseling methods behind the staff PIN, through the one dispatcher:
 * queue reordering only with a session (the open contract refuses it), each
 * move an event with the role; erasure only for the admin; the last admin
 * PIN cannot be removed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services/compose';
import { startTestServices, type TestServices } from '../support/test-services';

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
    const admin = (await call('staff.setup', { pin: '2580' })).token;
    await call('staff.addPin', { token: admin, role: 'staff', label: 'desk', pin: '4826' });
    const staff = (await call('staff.login', { pin: '4826' })).token;
    for (const n of [1, 2]) {
      await call('store.start', { requestId: `gate-visit-000${n}`, consent: false });
      await call('store.talkNow', { requestId: `gate-visit-000${n}` });
    }
    const { entries } = (await call('staff.store', { token: staff, method: 'store.staffQueue', input: {} })).value;
    expect(await fails('store.staffMoveQueue', { entryId: entries[1].entryId, direction: 'up' })).toBe('app.not_available');
    const moved = (await call('staff.store', { token: staff, method: 'store.staffMoveQueue', input: { entryId: entries[1].entryId, direction: 'up' } })).value;
    expect(moved.entries.map((e: { number: number }) => e.number)).toEqual([2, 1]);
    const actions = services.db!.prepare("SELECT payload FROM events WHERE type = 'staff.action'").pluck().all() as string[];
    expect(actions.map((p) => JSON.parse(p))).toContainEqual(expect.objectContaining({ role: 'staff', action: 'store.staffMoveQueue' }));
    expect(await fails('staff.store', { token: staff, method: 'store.staffEraseVisitor', input: { phone: '01012345678' } })).toBe('staff.forbidden');
    expect(await fails('staff.store', { token: 'A'.repeat(32), method: 'store.staffMoveQueue', input: { entryId: entries[1].entryId, direction: 'down' } })).toBe('staff.session_expired');
  });

  it('the last admin PIN cannot be removed; a second admin makes the first removable', async () => {
    const admin = (await call('staff.setup', { pin: '2580' })).token;
    const [only] = (await call('staff.pins', { token: admin })).pins;
    expect(await fails('staff.removePin', { token: admin, pinId: only.id })).toBe('staff.last_admin');
    await call('staff.addPin', { token: admin, role: 'admin', label: 'deputy', pin: '3917' });
    await call('staff.removePin', { token: admin, pinId: only.id });
    expect((await call('staff.pins', { token: (await call('staff.login', { pin: '3917' })).token })).pins.map((p: { label: string }) => p.label)).toEqual(['deputy']);
  });
});
