/**
 * Soak: many simulated visitors through one web host process (both flows,
 * 5% of them with a printer or cabinet fault injected through the
 * simulators' contract knobs), staff restocking and calling the queue as
 * they would. Figures: the host's RSS growth after warm-up, its open file
 * descriptors and libuv handles at the start and the end, and tap-to-feedback
 * (the final tap's call until its answer) p95 for the first thousand
 * visitors and the last. `npm run bench -- soak` runs 1,000 visitors;
 * `npm run bench -- soak --soak` runs 10,000.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startKioskProcess, type KioskClient } from '../electron/chaos/kiosk-process';
import { draw } from '../electron/chaos/seeded-random';
import { makeTempDir } from '../test/support/temp-dir';
import { setupCodeFromLog } from '../test/support/staff-pins';
import { percentile, type BenchModule, type BenchRow } from './bench-table';

const root = resolve(import.meta.dirname, '..');
const WARM_UP = 200;
const FAULT_SHARE = 0.05;
// The first admin (6–8 digits): staff rounds and simulator faults (a technician's) both run on it.
const STAFF_PIN = '246813';

/** Resident memory of a process, from /proc (Linux, like the kiosks). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function openFds(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

async function must(client: KioskClient, method: string, input: unknown = {}): Promise<any> {
  const r = await client.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** One visitor; returns the milliseconds of the final tap (prescribe or finish) until its answer. */
async function visit(client: KioskClient, i: number, pharmacy: boolean, symptoms: string[]): Promise<number> {
  const requestId = `soak-${i}-visitor`;
  if (pharmacy) {
    const symptomId = symptoms[i % symptoms.length];
    await client.call('pharmacy.chooseSymptom', { symptomId, requestId });
    const t = performance.now();
    await client.call('pharmacy.prescribe', { symptomId, requestId, language: i % 5 === 0 ? 'en' : 'ko' });
    return performance.now() - t;
  }
  const consent = i % 3 !== 0;
  await client.call('store.start', { requestId, consent });
  if (consent) {
    // Returning visitors too: a thousand phones, each coming back now and then.
    const who = await client.call('store.identify', { requestId, nickname: `손님 ${i % 50}`, phone: `0105550${String(i % 1000).padStart(4, '0')}` });
    if (who.ok && (who.value as { needsSelfCheck: boolean }).needsSelfCheck) {
      await client.call('store.selfCheck', { requestId, answers: { companionship: 2, leftOut: 1, isolated: 3, contact: true, helper: false } });
    }
  }
  const snacks = await client.call('store.snacks', {});
  const item = snacks.ok ? (snacks.value as { items: { itemId: string; available: boolean }[] }).items.find((s) => s.available) : undefined;
  if (item) await client.call('store.chooseSnacks', { requestId, itemIds: [item.itemId] });
  await client.call('store.talkNow', { requestId });
  const t = performance.now();
  await client.call('store.finish', { requestId, language: 'ko' });
  return performance.now() - t;
}

/** Staff at the desk: they log in (a session times out between rounds), refill gifts and snacks, call the talk queue down. */
async function staffRound(client: KioskClient): Promise<void> {
  const { token } = await must(client, 'staff.login', { pin: STAFF_PIN });
  for (let slot = 1; slot <= 10; slot++) await must(client, 'vending.staffRestock', { token, slot, count: 100 });
  // The check-in's staff methods take the session token like every staff method.
  const store = async (method: string, input: Record<string, unknown> = {}) => must(client, method, { ...input, token });
  for (const s of (await store('store.staffStock')).items as { itemId: string }[]) await store('store.staffRestock', { itemId: s.itemId, set: 500 });
  for (;;) {
    const entry = ((await store('store.staffCallNext')) as { entry: { entryId: string } | null }).entry;
    if (!entry) break;
    await store('store.staffMarkQueue', { entryId: entry.entryId, outcome: 'talked' });
  }
}

async function injectFault(client: KioskClient, d: ReturnType<typeof draw>): Promise<() => Promise<unknown>> {
  // Simulator faults are a technician's: each call logs in afresh (a session ends after two quiet minutes, and the restore comes later).
  const tech = {
    async call(method: string, input: object) {
      const { token } = await must(client, 'staff.login', { pin: STAFF_PIN });
      return client.call(method, { ...input, token });
    },
  };
  switch (d.int(0, 4)) {
    case 0:
      await tech.call('printer.simFaults', { paperOut: true });
      return () => tech.call('printer.simFaults', { paperOut: false });
    case 1:
      await tech.call('printer.simFaults', { coverOpen: true });
      return () => tech.call('printer.simFaults', { coverOpen: false });
    case 2:
      await tech.call('vending.simFaults', { faults: { loseReplies: 1 } });
      return async () => undefined;
    case 3:
      await tech.call('vending.simFaults', { faults: { nakNext: 2, noise: 2 } });
      return async () => undefined;
    default:
      await tech.call('vending.simFaults', { faults: { doorOpen: true } });
      return () => tech.call('vending.simFaults', { faults: { doorOpen: false } });
  }
}

export async function soak(visitors: number): Promise<BenchRow[]> {
  const dir = makeTempDir('itda-soak-');
  const slots = Array.from({ length: 10 }, (_, i) => ({ slot: i + 1, category: (['tea', 'sweets', 'stationery', 'comfort'] as const)[i % 4], item: { ko: `선물 ${i + 1}`, en: `Gift ${i + 1}` }, capacity: 100 }));
  const configFile = join(dir.path, 'config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      kioskId: 'soak-1',
      // Text slips: the simulator still decodes and renders every job; raster would measure the PNG encoder.
      printer: { uri: 'sim?mode=text', jobFailAfterSeconds: 30 },
      vending: { slots, resultPollMs: 200, sim: { vendMs: 0 } },
    }),
  );
  const host = await startKioskProcess({ root, dataDir: join(dir.path, 'data'), configFile });
  const client = host.client;
  const d = draw(20261205);
  try {
    await must(client, 'staff.setup', { code: setupCodeFromLog(join(dir.path, 'data')), pin: STAFF_PIN });
    const symptoms = (await must(client, 'pharmacy.catalog')).symptoms.map((s: { id: string }) => s.id);
    await staffRound(client);
    const taps: number[] = [];
    let rssAfterWarmUp = NaN;
    let fdsAfterWarmUp = NaN;
    let peakRss = 0;
    for (let i = 0; i < visitors; i++) {
      const clear = d.chance(FAULT_SHARE) ? await injectFault(client, d) : null;
      // Staff clear a fault a moment later (the visitor's slip waits meanwhile).
      const cleared = clear ? new Promise((r) => setTimeout(r, 50)).then(clear) : null;
      taps.push(await visit(client, i, d.chance(0.5), symptoms));
      await cleared;
      if (i % 200 === 199) {
        await staffRound(client);
      }
      if (i === WARM_UP - 1) {
        rssAfterWarmUp = rssMb(host.pid);
        fdsAfterWarmUp = openFds(host.pid);
      }
      if (i % 100 === 0) peakRss = Math.max(peakRss, rssMb(host.pid));
      if (i % 1000 === 999) {
        // Progress for the long run: a soak cut short still says how far it got and how it looked.
        const p95 = percentile(taps.slice(-1000), 95);
        process.stderr.write(`soak: ${i + 1} visitors, RSS ${rssMb(host.pid).toFixed(1)} MB, fds ${openFds(host.pid)}, p95 of the last 1000 ${p95.toFixed(0)} ms\n`);
      }
    }
    // Let the last slips print and timers settle before the end figures.
    await new Promise((r) => setTimeout(r, 2000));
    const rssEnd = rssMb(host.pid);
    const fdsEnd = openFds(host.pid);
    const health = await client.call('app.health', {});
    const span = Math.min(1000, Math.floor(visitors / 2));
    const first = percentile(taps.slice(0, span), 95);
    const last = percentile(taps.slice(-span), 95);
    const n = visitors.toLocaleString('en-US');
    return [
      { area: 'soak', metric: `${n} visitors (both flows, 5% with faults): host RSS growth after ${WARM_UP} visitors of warm-up`, value: rssEnd - rssAfterWarmUp, unit: 'MB', target: '< 20 MB' },
      { area: 'soak', metric: `${n} visitors: host RSS at the end (peak ${peakRss.toFixed(0)} MB)`, value: rssEnd, unit: 'MB' },
      { area: 'soak', metric: `${n} visitors: open file descriptors after warm-up → end (/proc/PID/fd)`, value: fdsEnd - fdsAfterWarmUp, unit: 'fds', target: 'flat (0)' },
      { area: 'soak', metric: `${n} visitors: tap-to-feedback p95, first ${span}`, value: first, unit: 'ms' },
      { area: 'soak', metric: `${n} visitors: tap-to-feedback p95, last ${span}`, value: last, unit: 'ms', target: 'unchanged', peer: { name: `first ${span}`, value: first } },
      { area: 'soak', metric: `${n} visitors: host still healthy at the end`, value: health.ok ? 1 : 0, unit: 'yes=1', target: '1' },
    ];
  } finally {
    await host.stop();
    dir.remove();
  }
}

export const soakBench: BenchModule = {
  area: 'soak',
  run: () => soak(process.argv.includes('--soak') ? 10_000 : 1_000),
};
