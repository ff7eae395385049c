/**
 * 200 visitors through the Mind Pharmacy's API with faults injected at
 * random (paper out, cover open, lost replies, NAKs, line noise, a door
 * left open, jams, empty slots), and staff restocking and clearing faults
 * now and then. At the end the events, print jobs, vends and stock counts
 * must agree exactly: every prescription once, every gift counted once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices, type Services } from '../../electron/services/compose';
import { parseConfig } from '../../electron/services/config/load-config';
import { createLogger } from '../../electron/services/app/logger';
import { makeTempDir } from '../support/temp-dir';
import type { VendingServiceImpl } from '../../electron/services/vending/vending-service';
import { seededRandom } from '../support/seeded-random';
import { login, setUpStaff, TEST_PINS, TEST_STAFF_HOST } from '../support/staff-pins';

const VISITORS = 200;
const SEED = Number(process.env.ITDA_SEED ?? 20261125);


const dir = makeTempDir('itda-200-');
let s: Services;

beforeAll(async () => {
  s = await composeServices({
    dataDir: dir.path,
    config: parseConfig({ kioskId: 'run-200', vending: { sim: { vendMs: 0 } } }),
    host: 'web',
    version: 'test',
    logger: createLogger({ dir: join(dir.path, 'logs'), echo: false }),
    staff: TEST_STAFF_HOST,
  });
});
afterAll(async () => {
  await s?.close();
  dir.remove();
});

async function call<T = any>(method: string, input: unknown = {}): Promise<T> {
  const r = await s.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
/** Simulator faults are a technician's: a session set up once, logged in again when two quiet minutes end it. */
let tech: string | null = null;
async function fault(method: 'printer.simFaults' | 'vending.simFaults', input: Record<string, unknown>): Promise<void> {
  tech ??= (await setUpStaff(s)).tech;
  let r = await s.dispatch(method, { ...input, token: tech });
  if (!r.ok && r.error.code === 'staff.session_expired') r = await s.dispatch(method, { ...input, token: (tech = await login(s, TEST_PINS.technician)) });
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
}
const one = (sql: string, ...args: unknown[]) => s.db!.prepare(sql).pluck().get(...args) as number;

describe('200 visitors with random faults', () => {
  it('ends with events, print jobs, vends and stock that agree exactly', { timeout: 600_000 }, async () => {
    const random = seededRandom(SEED);
    const catalog = await call<{ symptoms: { id: string }[] }>('pharmacy.catalog');
    const stockAtStart = one('SELECT SUM(count) FROM vending_slots');
    let restocked = 0;
    const requests: string[] = [];

    for (let v = 0; v < VISITORS; v++) {
      const r = random();
      if (r < 0.06) await fault('printer.simFaults', { paperOut: true });
      else if (r < 0.09) await fault('printer.simFaults', { coverOpen: true });
      else if (r < 0.2) await fault('printer.simFaults', { paperOut: false, coverOpen: false });
      const f = random();
      if (f < 0.05) await fault('vending.simFaults', { faults: { loseReplies: 1 } });
      else if (f < 0.1) await fault('vending.simFaults', { faults: { nakNext: 2 } });
      else if (f < 0.15) await fault('vending.simFaults', { faults: { noise: 3 } });
      else if (f < 0.18) await fault('vending.simFaults', { faults: { doorOpen: true } });
      else if (f < 0.22) await fault('vending.simFaults', { faults: { slots: { [String(1 + Math.floor(random() * 10))]: random() < 0.5 ? 'jam' : 'empty' } } });
      else if (f < 0.3) await fault('vending.simFaults', { faults: { doorOpen: false } });
      if (v % 40 === 39) {
        // Staff round: close the door, clear the board, refill every slot.
        await fault('vending.simFaults', { faults: { doorOpen: false, slots: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), 'ok'])) } });
        // Staff act through their PIN-gated console; the test drives the same service calls directly.
        const vending = s.domains.get('vending')!.service as VendingServiceImpl;
        await vending.clearFaults().catch(() => undefined);
        for (const slot of await call<{ slots: { slot: number; count: number; capacity: number }[] }>('vending.slots').then((x) => x.slots)) {
          try {
            vending.restock(slot.slot, slot.capacity);
            restocked += slot.capacity - slot.count;
          } catch {
            // A slot the board reports disabled cannot be restocked: it stays as it is.
          }
        }
      }
      const symptom = catalog.symptoms[Math.floor(random() * catalog.symptoms.length)];
      const requestId = `visitor-${SEED}-${v}`;
      requests.push(requestId);
      // Some visitors tap "confirm" several times at once.
      const taps = random() < 0.15 ? 1 + Math.floor(random() * 5) : 1;
      const results = await Promise.all(
        Array.from({ length: taps }, () => call('pharmacy.prescribe', { symptomId: symptom.id, requestId, language: random() < 0.8 ? 'ko' : 'en' })),
      );
      expect(new Set(results.map((x: any) => x.rxNumber)).size).toBe(1);
    }

    // Staff load paper and close the cover; waiting slips print, none twice.
    await fault('printer.simFaults', { paperOut: false, coverOpen: false, offline: false });
    await call('printer.status', { refresh: true });
    await expect.poll(() => one("SELECT COUNT(*) FROM print_jobs WHERE state IN ('queued', 'printing')"), { timeout: 60_000, interval: 250 }).toBe(0);

    // Prescriptions: one per visitor, each with its print job.
    expect(one('SELECT COUNT(*) FROM prescriptions_issued')).toBe(VISITORS);
    expect(one('SELECT COUNT(DISTINCT request_id) FROM prescriptions_issued')).toBe(VISITORS);
    expect(one('SELECT COUNT(*) FROM prescriptions_issued WHERE print_job_id IS NULL')).toBe(0);
    expect(one("SELECT COUNT(*) FROM print_jobs WHERE kind = 'prescription'")).toBe(VISITORS);

    // Events agree with the tables.
    const events = (type: string) => one('SELECT COUNT(*) FROM events WHERE type = ?', type);
    expect(events('pharmacy.prescribed')).toBe(VISITORS);
    expect(events('pharmacy.completed')).toBe(VISITORS);
    expect(events('print.job_queued')).toBe(one('SELECT COUNT(*) FROM print_jobs'));
    expect(events('print.job_printed')).toBe(one("SELECT COUNT(*) FROM print_jobs WHERE state = 'printed'"));

    // Paper: the simulator holds one PNG per slip it printed; no job printed twice.
    const pngs = readdirSync(join(dir.path, 'printer-sim')).filter((f) => f.endsWith('.png')).length;
    const printed = one("SELECT COUNT(*) FROM print_jobs WHERE state = 'printed'");
    const unknown = one("SELECT COUNT(*) FROM print_jobs WHERE state = 'unknown'");
    expect(pngs).toBeGreaterThanOrEqual(printed);
    expect(pngs).toBeLessThanOrEqual(printed + unknown);

    // Gifts: at most one delivered vend per visitor, and what the pharmacy recorded is what the vend log says.
    expect(one("SELECT COUNT(*) FROM (SELECT request_id FROM vends WHERE state = 'delivered' GROUP BY request_id HAVING COUNT(*) > 1)")).toBe(0);
    const delivered = one("SELECT COUNT(*) FROM vends WHERE state = 'delivered' AND kind = 'dispense'");
    expect(one("SELECT COUNT(*) FROM prescriptions_issued WHERE vend_state = 'delivered'")).toBe(delivered);
    expect(one("SELECT COUNT(*) FROM prescriptions_issued p JOIN vend_requests r ON r.request_id = p.id WHERE r.state != p.vend_state")).toBe(0);
    expect(delivered).toBeGreaterThan(VISITORS / 4);

    // Stock: what was there, plus what staff put in, minus what fell, is what is there.
    expect(one('SELECT SUM(count) FROM vending_slots')).toBe(stockAtStart + restocked - delivered);
  });
});
