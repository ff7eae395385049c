/**
 * The flows never say "printed" for a slip the printer did not acknowledge:
 * a Mind Pharmacy prescription or a check-in ticket whose printer
 * connection drops part-way is `unknown` on the visitor's screen and in the
 * books, staff are alerted, and once the printer is back the slip is
 * printed once more, marked; the books then say printed.
 */
import { login, setUpStaff, TEST_PINS } from '../support/staff-pins';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PrintingService } from '../../electron/services/printing';
import { startTestServices, type TestServices } from '../support/test-services';

describe('visitor flows on a printer that drops the job', () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await startTestServices({ printer: { uri: 'sim?mode=text', statusPollMs: 60_000 } }, { prefix: 'itda-print-flow-' });
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('prescribes with print outcome "unknown", alerts staff, then prints one marked reprint when the printer is back', async () => {
    const { services } = t;
    const printing = services.domains.get('printing')!.service as PrintingService;
    // Simulator faults are a technician's (access.ts).
    const { tech } = await setUpStaff(services);
    expect(await services.dispatch('printer.simFaults', { token: tech, dropAfterBytes: 200 })).toMatchObject({ ok: true });
    const r = await services.dispatch('pharmacy.prescribe', { symptomId: 'loneliness', requestId: 'flow-drop-0001', language: 'ko' });
    expect(r).toMatchObject({ ok: true, value: { print: { outcome: 'unknown' } } });
    const jobId = (r as { value: { print: { jobId: string } } }).value.print.jobId;
    expect(printing.job(jobId)).toMatchObject({ state: 'unknown', lastError: 'printer.connection_lost' });
    const alerts = services.db!.prepare("SELECT detail FROM staff_alerts WHERE kind = 'print_job_unknown'").all() as { detail: string }[];
    expect(alerts.map((a) => JSON.parse(a.detail))).toContainEqual(expect.objectContaining({ jobId, willReprint: true }));
    const booked = () => services.db!.prepare('SELECT print_state FROM prescriptions_issued WHERE print_job_id = ?').pluck().get(jobId);
    expect(booked()).toBe('unknown');

    // The technician fixes the link; a status refresh (or the next poll) sends the marked reprint.
    await services.dispatch('printer.simFaults', { token: tech, dropAfterBytes: null });
    let again = printing.jobs().find((j) => j.reprintOf === jobId);
    for (let i = 0; i < 100 && again?.state !== 'printed'; i++) {
      await new Promise((res) => setTimeout(res, 100));
      again = printing.jobs().find((j) => j.reprintOf === jobId);
    }
    expect(again).toMatchObject({ state: 'printed', reprintReason: 'auto', kind: 'prescription' });
    // The books follow the paper: the marked reprint resolved the unknown first print.
    expect(booked()).toBe('printed');
    await services.dispatch('printer.status', { refresh: true });
    expect(printing.jobs().filter((j) => j.reprintOf === jobId)).toHaveLength(1);
    // On paper: the cut-short first slip (no cut), then one whole slip marked as a reprint.
    const rxNumber = (r as { value: { rxNumber: string } }).value.rxNumber;
    const dir = join(t.dataDir, 'printer-sim');
    const slips = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
    const marked = slips.filter((s) => s.includes('재발행 / REPRINT'));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toContain(rxNumber);
    expect(marked[0]).toMatch(/cut ---/);
    expect(slips.filter((s) => s.includes(rxNumber) && /cut ---/.test(s) && !s.includes('재발행'))).toHaveLength(0);
  }, 60_000);

  it('a check-in ticket dropped part-way is "unknown" too, never "printed"; its one reprint is marked', async () => {
    const { services } = t;
    const printing = services.domains.get('printing')!.service as PrintingService;
    const call = async (method: string, input: unknown) => {
      const r = await services.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.value as Record<string, any>;
    };
    // Simulator faults are a technician's (access.ts); the first test may have set the PINs up already.
    const tech = await login(services, TEST_PINS.technician).catch(async () => (await setUpStaff(services)).tech);
    await call('printer.simFaults', { token: tech, dropAfterBytes: 150 });
    const rid = 'flow-ticket-0001';
    await call('store.start', { requestId: rid, consent: false });
    await call('store.talkNow', { requestId: rid });
    const done = await call('store.finish', { requestId: rid, language: 'ko' });
    expect(done.print).toMatchObject({ outcome: 'unknown' });
    const booked = () => services.db!.prepare('SELECT print_state FROM store_visits WHERE print_job_id = ?').pluck().get(done.print.jobId);
    expect(booked()).toBe('unknown');
    expect(printing.job(done.print.jobId)).toMatchObject({ kind: 'store-ticket', state: 'unknown' });
    await call('printer.simFaults', { token: tech, dropAfterBytes: null });
    let again = printing.jobs().find((j) => j.reprintOf === done.print.jobId);
    for (let i = 0; i < 100 && again?.state !== 'printed'; i++) {
      await new Promise((res) => setTimeout(res, 100));
      again = printing.jobs().find((j) => j.reprintOf === done.print.jobId);
    }
    expect(again).toMatchObject({ state: 'printed', reprintReason: 'auto', kind: 'store-ticket' });
    expect(booked()).toBe('printed');
  }, 60_000);
});

