import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dateClock } from '../devices/device-clock';
import { VmcBoard } from './sim/vmc-board';
import { VendingServiceImpl } from './vending-service';
import { VendingController } from './vending-controller';
import { makeTestContext, type TestKit } from './vending-test-kit';

let kit: TestKit;
let board: VmcBoard;
let svc: VendingServiceImpl;

async function boot(k = makeTestContext({ pollMs: 3000 }), b = new VmcBoard({ clock: dateClock, vendMs: 0 })) {
  kit = k;
  board = b;
  svc = new VendingServiceImpl(kit.ctx, { clock: dateClock, board });
  await svc.start();
  await svc.whenReady();
}
/** Runs a promise to its end while fake time moves on. */
async function settle<T>(p: Promise<T>, ms = 20_000): Promise<T> {
  let done = false;
  const q = p.finally(() => (done = true));
  for (let t = 0; t < ms && !done; t += 50) await vi.advanceTimersByTimeAsync(50);
  return q;
}
const gift = (requestId: string, category = 'tea') => svc.vendGift({ category, reason: 'rx-1', requestId });

beforeEach(() => vi.useFakeTimers());
afterEach(async () => {
  await settle(svc.stop());
  vi.useRealTimers();
  kit.cleanup();
});

describe('vendGift', () => {
  it('delivers a gift of the category from the fullest slot and lowers its stock by one', async () => {
    await boot();
    const s = await settle(gift('r1'));
    expect(s).toMatchObject({ state: 'delivered', category: 'tea', slot: 1, item: { ko: '캐모마일 티백', en: 'Chamomile tea bag' }, vends: 1, repeated: false });
    expect(board.motorRuns).toEqual([{ txn: s.txn, slot: 1, kind: 'dispense' }]);
    expect(svc.status().slots.find((x) => x.slot === 1)!.count).toBe(7);
    expect(kit.types()).toEqual(expect.arrayContaining(['vend.requested', 'vend.sending', 'vend.accepted', 'vend.completed']));
    expect(kit.pushed.some((e) => e.name === 'device.status' && e.payload.device === 'vending')).toBe(true);
  });

  it('a tap storm with one request id runs the motor once and answers every tap with the same vend', async () => {
    await boot();
    const all = await settle(Promise.all([gift('same'), gift('same'), gift('same')]));
    const again = await settle(gift('same'));
    expect(board.motorRuns).toHaveLength(1);
    expect(new Set([...all, again].map((s) => s.txn)).size).toBe(1);
    expect(again).toMatchObject({ state: 'delivered', repeated: true });
  });

  it('a jam ends as jammed, takes the slot out of service, alerts staff and is not retried', async () => {
    await boot();
    board.applyFaults({ slots: { '1': 'jam', '2': 'jam', '3': 'jam' } });
    const s = await settle(gift('j1'));
    expect(s).toMatchObject({ state: 'jammed', slot: 1, vends: 1 });
    expect(board.motorRuns).toHaveLength(1);
    expect(svc.status().slots.find((x) => x.slot === 1)).toMatchObject({ state: 'jammed', inService: false, count: 8 });
    expect(kit.alerts()).toContainEqual({ kind: 'vending_fault', detail: expect.objectContaining({ slot: 1, code: 'vending.jammed' }) });
  });

  it('not delivered marks the slot empty and falls back to another slot of the category', async () => {
    await boot();
    board.applyFaults({ slots: { '1': 'empty' } });
    const s = await settle(gift('e1'));
    expect(s).toMatchObject({ state: 'delivered', vends: 2 });
    expect(board.motorRuns.map((r) => r.slot)).toEqual([1, 2]);
    expect(svc.status().slots.find((x) => x.slot === 1)).toMatchObject({ state: 'empty', count: 8, inService: false });
  });

  it('a door open refuses the vend: nothing runs, the code says why', async () => {
    await boot();
    board.applyFaults({ doorOpen: true });
    const s = await settle(gift('d1'));
    expect(s).toMatchObject({ state: 'refused', code: 'vending.door_open', vends: 1 });
    expect(board.motorRuns).toHaveLength(0);
  });

  it('reports no gift when the category has no stock, without running a motor', async () => {
    await boot();
    for (const slot of [4, 5]) svc.restock(slot, 0);
    expect(svc.giftAvailable('sweets')).toBe(false);
    const s = await settle(gift('n1', 'sweets'));
    expect(s).toMatchObject({ state: 'no_gift', code: 'vending.no_stock', txn: null, slot: null });
    expect(board.motorRuns).toHaveLength(0);
  });

  it.each([
    ['lost replies', { loseReplies: 2 }],
    ['NAK', { nakNext: 2 }],
    ['line noise', { noise: 3 }],
    ['damaged replies', { corruptReplies: 2 }],
  ])('delivers exactly once under %s', async (_name, faults) => {
    await boot();
    board.applyFaults(faults);
    const s = await settle(gift('f1'));
    expect(s.state).toBe('delivered');
    expect(board.motorRuns).toHaveLength(1);
  });

  it('an unconfirmed vend (drop sensor failed mid-vend) is never retried and goes to staff', async () => {
    await boot();
    board.applyFaults({ dropSensorFailsDuringVend: true });
    const s = await settle(gift('u1'));
    expect(s.state).toBe('unconfirmed');
    expect(board.motorRuns).toHaveLength(1);
    expect(svc.toResolve().map((v) => v.txn)).toEqual([s.txn]);
    expect(kit.alerts()).toContainEqual({ kind: 'vend_to_resolve', detail: { txn: s.txn, slot: s.slot, state: 'unconfirmed' } });
  });

  it('a board power cycle mid-vend ends the vend as unknown, and the next gift reconciles first', async () => {
    const b = new VmcBoard({ clock: dateClock, vendMs: 3000 });
    await boot(undefined, b);
    const p = gift('p1');
    await vi.advanceTimersByTimeAsync(600);
    expect(board.busy).toBe(true);
    board.powerCycle();
    const s = await settle(p);
    expect(s).toMatchObject({ state: 'unknown', code: 'vending.txn_unknown' });
    board.applyFaults({ vendMs: 0 });
    expect((await settle(gift('p2'))).state).toBe('delivered');
    expect(board.motorRuns).toHaveLength(2);
  });

  it('a silent board: no gift, link down, no motor', async () => {
    const b = new VmcBoard({ clock: dateClock, vendMs: 0 });
    b.applyFaults({ silent: true });
    kit = makeTestContext();
    board = b;
    svc = new VendingServiceImpl(kit.ctx, { clock: dateClock, board });
    await settle(svc.start());
    expect(await settle(svc.whenReady())).toBe(false);
    expect(svc.giftAvailable('tea')).toBe(false);
    const s = await settle(gift('s1'));
    expect(s).toMatchObject({ state: 'no_gift', code: 'vending.no_link' });
    expect(board.executed).toBe(0);
  });
});

describe('start-up reconciliation', () => {
  it('asks RESULT for vends left in flight before any new DISPENSE; a lost TXN becomes unknown', async () => {
    kit = makeTestContext();
    board = new VmcBoard({ clock: dateClock, vendMs: 0 });
    // An earlier host process: one vend accepted by the board, one written as sending that never went out.
    const { VendStore } = await import('./vend-store');
    const store = new VendStore(kit.db);
    store.seedSlots(kit.ctx.config.vending.slots);
    const a = store.beginVend({ kind: 'dispense', slot: 6, reason: 'rx', requestId: null });
    const b = store.beginVend({ kind: 'dispense', slot: 7, reason: 'rx', requestId: null });
    const old = new VendingController({ uri: 'sim', board, clock: dateClock });
    await settle(old.open());
    expect((await settle(old.vend(a.txn, 6))).accepted).toBe(true);
    store.markAccepted(a.txn, 1);
    await old.close();
    svc = new VendingServiceImpl(kit.ctx, { clock: dateClock, board });
    await settle(svc.start());
    expect(await settle(svc.whenReady())).toBe(true);
    expect(svc.store.vend(a.txn)!.state).toBe('delivered');
    expect(svc.store.vend(b.txn)!.state).toBe('unknown');
    expect(board.motorRuns).toEqual([{ txn: a.txn, slot: 6, kind: 'dispense' }]);
    expect(svc.status().slots.find((s) => s.slot === 6)!.count).toBe(7);
    expect(kit.types().filter((t) => t === 'vend.reconciling')).toHaveLength(2);
  });
});

describe('a final state and its event land together', () => {
  it('a vend.completed that cannot be written leaves the vend in flight and the stock untouched; a restart settles it once', async () => {
    kit = makeTestContext({ pollMs: 3000 });
    board = new VmcBoard({ clock: dateClock, vendMs: 0 });
    // The host dies as it writes the final event (chaos seed 7014's timing): the state change must go back with it.
    const record = kit.ctx.record;
    kit.ctx.record = (type, payload) => {
      if (type === 'vend.completed') throw new Error('killed mid-write');
      record(type, payload);
    };
    svc = new VendingServiceImpl(kit.ctx, { clock: dateClock, board });
    await svc.start();
    await svc.whenReady();
    const failed = await settle(gift('k1').then(() => null, (e: Error) => e));
    expect(failed?.message).toBe('killed mid-write');
    const [v] = svc.store.vendsOfRequest('k1');
    expect(v.state).toBe('accepted');
    expect(svc.status().slots.find((x) => x.slot === v.slot)!.count).toBe(8);
    expect(kit.types()).not.toContain('vend.completed');
    await settle(svc.stop());

    // The next host asks the board: delivered once, one event, one less in stock, no second motor run.
    kit.ctx.record = record;
    svc = new VendingServiceImpl(kit.ctx, { clock: dateClock, board });
    await settle(svc.start());
    expect(await settle(svc.whenReady())).toBe(true);
    expect(svc.store.vend(v.txn)!.state).toBe('delivered');
    expect(svc.status().slots.find((x) => x.slot === v.slot)!.count).toBe(7);
    expect(kit.types().filter((t) => t === 'vend.completed')).toHaveLength(1);
    expect(board.motorRuns).toHaveLength(1);
  });
});

describe('maintenance', () => {
  it('motor test passes, clear faults puts a jammed slot back in service', async () => {
    await boot();
    expect((await settle(svc.motorTest(3))).state).toBe('passed');
    board.applyFaults({ slots: { '3': 'jam' } });
    expect((await settle(svc.motorTest(3))).state).toBe('jammed');
    expect(svc.status().slots.find((s) => s.slot === 3)!.state).toBe('jammed');
    board.applyFaults({ slots: { '3': 'ok' } });
    const st = await settle(svc.clearFaults());
    expect(st.slots.find((s) => s.slot === 3)).toMatchObject({ state: 'ok', boardState: 'ok', inService: true });
  });

  it('simFaults is refused with a typed error when the cabinet is not the simulator', async () => {
    kit = makeTestContext({ uri: 'serial:/nonexistent/tty-itda?baud=9600' });
    svc = new VendingServiceImpl(kit.ctx, { clock: dateClock, monitor: false });
    await settle(svc.start());
    expect(() => svc.simFaults({ doorOpen: true })).toThrow(expect.objectContaining({ code: 'vending.not_simulator' }));
    expect(svc.status().link).toBe('down');
  });
});
