/**
 * The host against the simulated VMC over a real serial line (socat PTY pair,
 * serialport on both ends): every command and error, and vends under line
 * faults. (Aiming this suite at a real board with ITDA_VMC_PORT is not wired yet.)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPtySim, type PtySim } from '../../electron/services/vending/sim/pty-sim';
import { VmcBoard } from '../../electron/services/vending/sim/vmc-board';
import { VendingController, VmcCommandError } from '../../electron/services/vending/vending-controller';
import { VendingServiceImpl } from '../../electron/services/vending/vending-service';
import { makeTestContext, type TestKit } from '../../electron/services/vending/vending-test-kit';
import { VmcLinkDownError } from '../../electron/services/vending/vmc-client';

const dir = mkdtempSync(join(tmpdir(), 'itda-vmc-pty-'));
let sim: PtySim;
let board: VmcBoard;

beforeAll(async () => {
  board = new VmcBoard({ vendMs: 0 });
  sim = await startPtySim({ link: join(dir, 'vmc'), board });
});
afterAll(async () => {
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

const uri = (baud = 9600) => `serial:${sim.link}?baud=${baud}`;
function resetBoard() {
  board.applyFaults({ doorOpen: false, motorBusFault: false, dropSensorFault: false, dropSensorFailsDuringVend: false, slots: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), 'ok'])), silent: false, replyDelayMs: 0, loseReplies: 0, nakNext: 0, noise: 0, corruptReplies: 0, vendMs: 0 });
  board.powerCycle();
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('commands and errors over the PTY', () => {
  let ctl: VendingController;
  beforeAll(async () => {
    resetBoard();
    ctl = new VendingController({ uri: uri() });
    await ctl.open();
  });
  afterAll(() => ctl.close());

  it('PING first, then STATUS with the reset flag once, SLOT_INFO, RESULT of an unknown TXN', async () => {
    expect(ctl.linkUp).toBe(true);
    expect(ctl.firmware).toBe('ITDA-SIM-1.1');
    expect((await ctl.status()).flags.reset).toBe(true);
    const s = await ctl.status();
    expect(s).toEqual({ flags: { doorOpen: false, motorBusFault: false, dropSensorFault: false, busy: false, reset: false }, slots: 10 });
    expect(await ctl.slotInfo(4)).toBe('ok');
    expect(await ctl.result(123456)).toBe(4);
    await expect(ctl.slotInfo(11)).rejects.toMatchObject({ code: 'vending.no_such_slot' });
  });

  it('DISPENSE runs once per TXN, busy refuses a new TXN, RESULT gives the outcome, MOTOR_TEST passes', async () => {
    board.applyFaults({ vendMs: 400 });
    const before = board.motorRuns.length;
    expect(await ctl.vend(1001, 2)).toEqual({ accepted: true, sends: 1 });
    expect(await ctl.vend(1001, 2)).toMatchObject({ accepted: true }); // known TXN: nothing runs
    expect(await ctl.vend(1002, 3)).toMatchObject({ accepted: false, code: 'vending.busy' });
    await expect(ctl.clearFaults()).rejects.toBeInstanceOf(VmcCommandError);
    expect((await ctl.status()).flags.busy).toBe(true);
    expect(await ctl.result(1001)).toBe(0);
    await sleep(600);
    expect(await ctl.result(1001)).toBe(1);
    expect(await ctl.result(1002)).toBe(4); // refused TXNs are not remembered
    board.applyFaults({ vendMs: 0 });
    expect(await ctl.vend(1003, 5, true)).toMatchObject({ accepted: true });
    await sleep(50);
    expect(await ctl.result(1003)).toBe(5);
    expect(board.motorRuns.slice(before).map((r) => r.txn)).toEqual([1001, 1003]);
  });

  it.each([
    ['door open', { doorOpen: true }, 'vending.door_open'],
    ['motor bus fault', { motorBusFault: true }, 'vending.motor_bus_fault'],
    ['drop sensor fault', { dropSensorFault: true }, 'vending.drop_sensor_fault'],
    ['jammed slot', { slots: { '6': 'jam' as const } }, 'vending.slot_unavailable'],
    ['disabled slot', { slots: { '6': 'disabled' as const } }, 'vending.slot_unavailable'],
  ])('%s: DISPENSE refused with its ERROR, nothing runs', async (_n, faults, code) => {
    resetBoard();
    await ctl.status();
    if ('slots' in faults && faults.slots['6'] === 'jam') {
      board.applyFaults(faults);
      expect(await ctl.vend(2000 + Math.floor(Math.random() * 1000), 6)).toMatchObject({ accepted: true });
      await sleep(50);
    } else board.applyFaults(faults);
    const runs = board.motorRuns.length;
    expect(await ctl.vend(3000 + Math.floor(Math.random() * 1000), 6)).toMatchObject({ accepted: false, code });
    expect(board.motorRuns.length).toBe(runs);
  });

  it('drop sensor fault: MOTOR_TEST still runs; CLEAR_FAULTS keeps a fault still present and frees a jammed slot', async () => {
    resetBoard();
    board.applyFaults({ dropSensorFault: true, slots: { '7': 'jam' } });
    expect(await ctl.vend(4001, 7, true)).toMatchObject({ accepted: true });
    await sleep(50);
    expect(await ctl.result(4001)).toBe(3);
    expect(await ctl.slotInfo(7)).toBe('jammed');
    board.applyFaults({ slots: { '7': 'ok' } });
    const s = await ctl.clearFaults();
    expect(s.flags.dropSensorFault).toBe(true);
    expect(await ctl.slotInfo(7)).toBe('ok');
    board.applyFaults({ dropSensorFault: false });
    expect((await ctl.clearFaults()).flags.dropSensorFault).toBe(false);
  });
});

describe('gifts over the PTY under line faults', () => {
  let kit: TestKit;
  let svc: VendingServiceImpl;
  afterEach(async () => {
    await svc?.stop();
    kit?.cleanup();
  });
  async function boot(baud = 9600) {
    resetBoard();
    kit = makeTestContext({ uri: uri(baud), resultPollMs: 200 });
    svc = new VendingServiceImpl(kit.ctx, { monitor: false });
    await svc.start();
    expect(await svc.whenReady()).toBe(true);
  }
  const gift = (id: string, category = 'tea') => svc.vendGift({ category, reason: 'rx', requestId: id });

  it.each([
    ['lost replies', { loseReplies: 2 }],
    ['NAK', { nakNext: 3 }],
    ['line noise', { noise: 4 }],
    ['damaged replies', { corruptReplies: 2 }],
    ['slow replies (still inside the timeout)', { replyDelayMs: 200 }],
    ['slow replies (past the timeout: resent and replayed)', { replyDelayMs: 650 }],
  ])('delivers exactly once under %s', async (_n, faults) => {
    await boot();
    const runs = board.motorRuns.length;
    board.applyFaults(faults);
    const s = await gift(`line-${_n}`);
    expect(s.state).toBe('delivered');
    expect(board.motorRuns.length - runs).toBe(1);
  });

  it('silence after DISPENSE went out: unknown, never retried, staff alerted; the link comes back with PING', async () => {
    await boot(115200);
    board.applyFaults({ silent: true });
    const s = await gift('silent-1');
    expect(s).toMatchObject({ state: 'unknown', code: 'vending.no_link' });
    expect(svc.status().link).toBe('down');
    expect(kit.alerts().map((a) => a.kind)).toContain('vend_to_resolve');
    const again = await gift('silent-2');
    expect(again).toMatchObject({ state: 'no_gift', code: 'vending.no_link' });
    board.applyFaults({ silent: false });
    const ok = await gift('silent-3');
    expect(ok.state).toBe('delivered');
    expect((await gift('silent-1')).state).toBe('unknown'); // the first visitor's vend is never run again
  });

  it('jam, empty, unconfirmed and power cycle end in their states', async () => {
    await boot();
    board.applyFaults({ slots: { '8': 'jam', '9': 'empty', '10': 'empty' } });
    expect(await gift('c1', 'comfort')).toMatchObject({ state: 'jammed', slot: 8 });
    expect(await gift('c2', 'comfort')).toMatchObject({ state: 'not_delivered', vends: 2 });
    expect(svc.giftAvailable('comfort')).toBe(false);
    board.applyFaults({ dropSensorFailsDuringVend: true });
    expect(await gift('u1', 'stationery')).toMatchObject({ state: 'unconfirmed' });
    board.applyFaults({ dropSensorFault: false });
    await svc.clearFaults();
    board.applyFaults({ vendMs: 3000 });
    const p = gift('pc1', 'sweets');
    while (!board.busy) await sleep(20);
    board.powerCycle();
    expect(await p).toMatchObject({ state: 'unknown', code: 'vending.txn_unknown' });
  });
});

describe('port lost and found', () => {
  it('reopens the port with backoff after it disappears, PINGs first, and the link comes back', async () => {
    const link = join(dir, 'replug');
    let s2 = await startPtySim({ link, board: new VmcBoard({ vendMs: 0 }) });
    const ctl = new VendingController({ uri: `serial:${link}?baud=19200`, reopenMs: { first: 100, max: 400 } });
    const changes: boolean[] = [];
    ctl.onLink((u) => changes.push(u));
    await ctl.open();
    expect(ctl.linkUp).toBe(true);
    await s2.close(); // USB unplug: the device node goes away
    await sleep(200);
    expect(ctl.linkUp).toBe(false);
    await expect(ctl.vend(9, 1)).rejects.toBeInstanceOf(VmcLinkDownError);
    s2 = await startPtySim({ link, board: new VmcBoard({ vendMs: 0 }) });
    for (let i = 0; i < 50 && !ctl.linkUp; i++) await sleep(100);
    expect(ctl.linkUp).toBe(true);
    expect(changes).toEqual([true, false, true]);
    await ctl.close();
    await s2.close();
  });
});
