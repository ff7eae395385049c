import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateClock } from '../devices/device-clock';
import { VmcBoard } from './sim/vmc-board';
import { VendingServiceImpl } from './vending-service';
import { makeTestContext, type TestKit } from './vending-test-kit';

let kit: TestKit;
let board: VmcBoard;
let svc: VendingServiceImpl;

async function boot() {
  kit = makeTestContext({ pollMs: 3000 });
  board = new VmcBoard({ clock: dateClock, vendMs: 0 });
  svc = new VendingServiceImpl(kit.ctx, { clock: dateClock, board });
  await svc.start();
  await svc.whenReady();
}
async function settle<T>(p: Promise<T>, ms = 20_000): Promise<T> {
  let done = false;
  const q = p.finally(() => (done = true));
  for (let t = 0; t < ms && !done; t += 50) await vi.advanceTimersByTimeAsync(50);
  return q;
}
const state = (slot: number) => svc.slots().find((s) => s.slot === slot)!.state;

afterEach(async () => {
  await settle(svc.stop());
  vi.useRealTimers();
  kit.cleanup();
});

describe('a slot staff took out of service', () => {
  it('stays out when the cabinet reports it ok (SLOT_INFO, CLEAR_FAULTS, a board restart), and gifts come from the other slots', async () => {
    vi.useFakeTimers();
    await boot();
    svc.setSlotHeld(1, true, 'staff');
    expect(state(1)).toBe('disabled');
    await settle(svc.monitor.refreshSlots());
    expect(board.slotState(1)).toBe('ok');
    expect(state(1)).toBe('disabled');
    await settle(svc.clearFaults());
    expect(state(1)).toBe('disabled');
    board.powerCycle();
    await settle(svc.monitor.refreshSlots());
    expect(state(1)).toBe('disabled');
    const gift = await settle(svc.vendGift({ category: 'tea', reason: 'rx', requestId: 'hold-0001' }));
    expect(gift.state).toBe('delivered');
    expect(gift.slot).not.toBe(1);
    expect(board.motorRuns.map((r) => r.slot)).not.toContain(1);
  });

  it('back in service on release, with what the board last said: a jammed slot stays jammed until cleared', async () => {
    vi.useFakeTimers();
    await boot();
    svc.setSlotHeld(2, true, 'staff');
    board.applyFaults({ slots: { '2': 'jam' } });
    await settle(svc.motorTest(2));
    expect(state(2)).toBe('disabled');
    svc.setSlotHeld(2, false, 'staff');
    expect(state(2)).toBe('jammed');
    svc.setSlotHeld(3, true, 'staff');
    svc.setSlotHeld(3, false, 'staff');
    expect(state(3)).toBe('ok');
  });
});
