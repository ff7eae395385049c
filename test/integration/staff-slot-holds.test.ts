/**
 * Gift slots as staff handle them, through the one dispatcher with the VMC
 * simulator: a slot staff disabled stays disabled whatever the cabinet says,
 * and restocking one jammed slot clears the cabinet's faults only when no
 * other slot is jammed (CLEAR_FAULTS is cabinet-wide).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services/compose';
import type { VendingServiceImpl } from '../../electron/services/vending/vending-service';
import { startTestServices, type TestServices } from '../support/test-services';
import { setUpStaff } from '../support/staff-pins';

let kiosk: TestServices;
let services: Services;
let vending: VendingServiceImpl;
let token: string;

beforeEach(async () => {
  kiosk = await startTestServices({ kioskId: 'holds-test', vending: { sim: { vendMs: 0 } } }, { prefix: 'itda-slot-holds-', configEnv: true });
  services = kiosk.services;
  vending = services.domains.get('vending')!.service as VendingServiceImpl;
  await vending.whenReady();
  // The admin can do all a staff member or technician can: one session for the whole file.
  token = (await setUpStaff(services, { transport: 'ws' })).admin;
});
afterEach(async () => {
  await kiosk.stop();
});

async function call(method: string, input: unknown = {}): Promise<any> {
  const r = await services.dispatch(method, input, { transport: 'ws' });
  if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code}`), { code: r.error.code });
  return r.value;
}
const slotOf = async (n: number) => (await call('vending.staffStock', { token })).slots.find((s: { slot: number }) => s.slot === n);
const jam = async (slot: number) => {
  await call('vending.simFaults', { token, faults: { slots: { [String(slot)]: 'jam' } } });
  const v = await vending.motorTest(slot);
  expect(v.state).toBe('jammed');
  await call('vending.simFaults', { token, faults: { slots: { [String(slot)]: 'ok' } } });
};

describe('gift slots as staff handle them', { timeout: 30_000 }, () => {
  it('a disabled slot stays disabled after the cabinet reads it ok, and no gift comes from it', async () => {
    await call('vending.staffSetSlotEnabled', { token, slot: 1, enabled: false });
    await call('vending.staffSlotInfo', { token });
    expect(await slotOf(1)).toMatchObject({ state: 'disabled', boardState: 'ok', held: true, inService: false });
    const v = await vending.vendGift({ category: 'tea', reason: 'test', requestId: 'holds-gift-0001' });
    expect(v.state).toBe('delivered');
    expect(v.slot).not.toBe(1);
    await call('vending.staffSetSlotEnabled', { token, slot: 1, enabled: true });
    expect(await slotOf(1)).toMatchObject({ state: 'ok', held: false, inService: true });
  });

  it('restocking the only jammed slot clears the fault and serves again; with another slot jammed it does not clear, and says which', async () => {
    await jam(2);
    const alone = await call('vending.staffRestock', { token, slot: 2, count: 8 });
    expect(alone).toMatchObject({ clearedFaults: true, stillJammed: [] });
    expect(await slotOf(2)).toMatchObject({ state: 'ok', count: 8, inService: true });

    await jam(1);
    await jam(3);
    const two = await call('vending.staffRestock', { token, slot: 1, count: 8 });
    expect(two).toMatchObject({ clearedFaults: false, stillJammed: [1, 3] });
    // Slot 3's spiral was never freed: it must not go back into service behind the technician's back.
    expect(await slotOf(3)).toMatchObject({ state: 'jammed', inService: false });
    expect(await slotOf(1)).toMatchObject({ state: 'jammed', count: 8 });
  });
});
