/**
 * Alerts people can act on, through the one dispatcher with the printer and
 * cabinet simulators: a paper-out is one alert in words that closes itself
 * when paper is back; a cable that keeps dropping is one alert with a count;
 * acknowledging records who and is pushed to every screen; print jobs are
 * cancelled and reprinted with a record; a slot refuses more than it holds;
 * the overview shows today at a glance with the devices in the alert's words.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushEvent } from '../../electron/contract/events';
import type { VendingServiceImpl } from '../../electron/services/vending/vending-service';
import type { PrintingService } from '../../electron/services/printing/printing-service';
import { startTestServices, type TestServices } from '../support/test-services';
import { setUpFirstAdmin, TEST_PINS } from '../support/staff-pins';

let t: TestServices;
let pushes: PushEvent[];

beforeEach(async () => {
  t = await startTestServices({ kioskId: 'console-test', vending: { pollMs: 500, sim: { vendMs: 0 } } }, { prefix: 'itda-console-', configEnv: true });
  pushes = [];
  t.services.onPush((e) => pushes.push(e));
  await (t.services.domains.get('vending')!.service as VendingServiceImpl).whenReady();
}, 30_000);
afterEach(async () => {
  await t.stop();
});

async function call(method: string, input: unknown = {}): Promise<any> {
  const r = await t.services.dispatch(method, input, { transport: 'ws' });
  if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code}`), { code: r.error.code, details: r.error.details });
  return r.value;
}
async function fails(method: string, input: unknown = {}): Promise<{ code: string; details?: string[] }> {
  const r = await t.services.dispatch(method, input, { transport: 'ws' });
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}
let tech = '';
async function tokens() {
  const ws = { transport: 'ws' } as const;
  const admin = await setUpFirstAdmin(t.services, ws);
  await call('staff.addPin', { token: admin, role: 'staff', label: '안내 데스크', pin: TEST_PINS.staff });
  await call('staff.addPin', { token: admin, role: 'technician', label: '기술 담당', pin: TEST_PINS.technician });
  tech = (await call('staff.login', { pin: TEST_PINS.technician })).token;
  return { admin, staff: (await call('staff.login', { pin: TEST_PINS.staff })).token as string };
}
/** Simulator faults are a technician's (the access table). */
const sim = (method: 'printer.simFaults' | 'vending.simFaults', input: Record<string, unknown>) => call(method, { ...input, token: tech });
const until = async (f: () => Promise<boolean> | boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};
const rawCodes = /printer\.|vending\.|_fault|no_link|paper_out/;

describe('console alerts', { timeout: 60_000 }, () => {
  it('a paper-out is one alert in words with the next step; paper back closes it and keeps the history', async () => {
    const { staff } = await tokens();
    await sim('printer.simFaults', { paperOut: true });
    await sim('printer.simFaults', { paperOut: true });
    const open = await call('console.alerts', { token: staff });
    const paper = open.alerts.filter((a: any) => a.type === 'printer.paper_out');
    expect(paper).toHaveLength(1);
    expect(paper[0].severity).toBe('action');
    expect(paper[0].words.ko.next).toBe('용지를 새로 넣어 주세요. 덮개를 닫으면 자동으로 다시 인쇄합니다.');
    expect(JSON.stringify(paper[0].words)).not.toMatch(rawCodes);
    const overview = await call('console.overview', { token: staff });
    expect(overview.devices.find((d: any) => d.id === 'paper')).toMatchObject({ level: 'action', type: 'printer.paper_out' });
    expect(overview.devices.find((d: any) => d.id === 'paper').words.ko.title).toBe(paper[0].words.ko.title);

    await sim('printer.simFaults', { paperOut: false });
    await until(async () => (await call('console.alerts', { token: staff })).alerts.every((a: any) => a.type !== 'printer.paper_out'));
    const history = await call('console.alerts', { token: staff, history: true });
    expect(history.alerts.find((a: any) => a.id === paper[0].id)).toMatchObject({ closedReason: 'cleared', acknowledgedBy: null });
    expect(pushes.some((p) => p.name === 'staff.alert' && p.payload.id === paper[0].id && p.payload.closed === true)).toBe(true);
    expect((await call('console.overview', { token: staff })).devices.find((d: any) => d.id === 'paper').level).toBe('ok');
  });

  it('a cable that drops ten times is one alert with count 10, closed when the link is back', async () => {
    const { staff } = await tokens();
    const vending = t.services.domains.get('vending')!.service as VendingServiceImpl;
    for (let i = 0; i < 10; i++) {
      await sim('vending.simFaults', { faults: { silent: true } });
      await until(() => vending.status().link === 'down');
      await sim('vending.simFaults', { faults: { silent: false } });
      await until(() => vending.status().link === 'up');
    }
    const all = await call('console.alerts', { token: staff, history: true });
    const link = all.alerts.filter((a: any) => a.type === 'vending.no_link');
    expect(link).toHaveLength(1);
    expect(link[0].count).toBe(10);
    expect(link[0].closedReason).toBe('cleared');
    expect(t.services.events!.count('staff.alert_repeated')).toBe(9);
  });

  it('acknowledging a crisis closes it for every screen and records who', async () => {
    const { staff } = await tokens();
    await call('store.start', { requestId: 'console-crisis-0001', consent: false });
    await call('store.crisis', { requestId: 'console-crisis-0001' });
    const [crisis] = (await call('console.alerts', { token: staff })).alerts.filter((a: any) => a.severity === 'crisis');
    expect(crisis.words.en.title).toBe('Crisis: a visitor needs help now');
    const acked = await call('console.acknowledge', { token: staff, alertId: crisis.id });
    expect(acked).toMatchObject({ closedReason: 'acknowledged', acknowledgedLabel: '안내 데스크' });
    expect(acked.acknowledgedBy).toMatch(/^staff:/);
    const push = pushes.filter((p) => p.name === 'staff.alert' && p.payload.id === crisis.id).at(-1)!;
    expect(push.payload).toMatchObject({ closed: true, closedReason: 'acknowledged', severity: 'crisis' });
    expect((await call('console.alerts', { token: staff })).alerts.some((a: any) => a.id === crisis.id)).toBe(false);
  });

  it('cancels a job waiting on paper and reprints a printed one, both recorded; an owed slip stays listed until resolved', async () => {
    const { staff } = await tokens();
    const printing = t.services.domains.get('printing')!.service as PrintingService;
    await sim('printer.simFaults', { paperOut: true });
    const waiting = printing.testPage('text');
    await until(() => printing.job(waiting.jobId)?.waitingOn !== null);
    const cancelled = await call('console.cancelJob', { token: staff, jobId: waiting.jobId });
    expect(cancelled).toMatchObject({ state: 'failed', resolution: 'cancelled', canCancel: false, canReprint: false });
    expect((await fails('console.cancelJob', { token: staff, jobId: waiting.jobId })).code).toBe('console.job_not_cancellable');
    await sim('printer.simFaults', { paperOut: false });

    const printed = printing.testPage('text');
    await printing.waitForJob(printed.jobId, 10_000);
    const again = await call('console.reprintJob', { token: staff, jobId: printed.jobId });
    expect(again.reprintOf).toBe(printed.jobId);
    expect(t.services.events!.count('console.job_reprinted')).toBe(1);
    expect(t.services.events!.count('console.job_cancelled')).toBe(1);

    // A visitor's slip that failed is owed until someone reprints it.
    t.services.db!.prepare("UPDATE print_jobs SET kind = 'prescription', state = 'failed', last_error = 'printer.paper_out' WHERE id = ?").run(printed.jobId);
    let jobs = await call('console.printJobs', { token: staff });
    expect(jobs.owed.map((j: any) => j.jobId)).toEqual([printed.jobId]);
    await call('console.reprintJob', { token: staff, jobId: printed.jobId });
    jobs = await call('console.printJobs', { token: staff });
    expect(jobs.owed).toEqual([]);
    expect(jobs.jobs.find((j: any) => j.jobId === printed.jobId)).toMatchObject({ resolution: 'reprinted' });
  });

  it('refuses a restock beyond the slot capacity and changes nothing; fill to capacity works', async () => {
    const { staff } = await tokens();
    const before = (await call('vending.staffStock', { token: staff })).slots[0];
    const err = await fails('vending.staffRestock', { token: staff, slot: before.slot, count: before.capacity + 92 });
    expect(err.code).toBe('staff.over_capacity');
    expect(err.details).toEqual([String(before.capacity)]);
    expect((await call('vending.staffStock', { token: staff })).slots[0].count).toBe(before.count);
    const filled = await call('vending.staffRestock', { token: staff, slot: before.slot, count: before.capacity });
    expect(filled.slots[0].count).toBe(before.capacity);
  });

  it('gift low stock at the slot threshold: one alert, closed by restocking', async () => {
    const { staff } = await tokens();
    const vending = t.services.domains.get('vending')!.service as VendingServiceImpl;
    const slot = vending.slots()[0]!;
    // The other slots of its category empty, so the gifts come from this one.
    for (const other of vending.slots().filter((s) => s.category === slot.category && s.slot !== slot.slot)) await call('vending.staffRestock', { token: staff, slot: other.slot, count: 0 });
    await call('console.setGiftLowStock', { token: staff, slot: slot.slot, threshold: 3 });
    await call('vending.staffRestock', { token: staff, slot: slot.slot, count: 4 });
    for (let i = 0; i < 2; i++) await vending.vendGift({ category: slot.category as never, reason: 'test', requestId: `console-low-000${i}` });
    await until(async () => (await call('console.alerts', { token: staff })).alerts.some((a: any) => a.type === 'low_stock'));
    const low = (await call('console.alerts', { token: staff })).alerts.filter((a: any) => a.type === 'low_stock');
    expect(low).toHaveLength(1);
    expect(low[0].words.ko.what).toContain(slot.item.ko);
    expect((await call('console.overview', { token: staff })).lowStock.some((x: any) => x.source === 'gift' && x.id === String(slot.slot))).toBe(true);
    await call('vending.staffRestock', { token: staff, slot: slot.slot, count: slot.capacity });
    await until(async () => !(await call('console.alerts', { token: staff })).alerts.some((a: any) => a.type === 'low_stock'));
  });
});
