/**
 * The fault and crash campaign's figures in the bench table: a few seeded
 * runs (the long campaign is `npm run chaos -- --runs 500`), how long a run
 * takes, how many faults went in, and how many invariant checks held.
 */
import { resolve } from 'node:path';
import { runCampaign } from '../electron/chaos/chaos-campaign';
import { summarize } from '../electron/chaos/chaos-report';
import { median, type BenchModule, type BenchRow } from './bench-table';

const RUNS = 6;

export const chaosBench: BenchModule = {
  area: 'chaos',
  async run(): Promise<BenchRow[]> {
    const t0 = Date.now();
    const results = await runCampaign(Array.from({ length: RUNS }, (_, i) => 9000 + i), { root: resolve(import.meta.dirname, '..'), visits: 3, jobs: 2 });
    const s = summarize(results, (Date.now() - t0) / 1000);
    const checks = s.invariants.reduce((n, i) => n + i.held + i.broken, 0);
    const held = s.invariants.reduce((n, i) => n + i.held, 0);
    const faults = Object.values(s.faults).reduce((a, b) => a + b, 0);
    return [
      { area: 'chaos', metric: `${RUNS} seeded runs (3 visits each, faults and SIGKILLs): seconds per run (median)`, value: median(results.map((r) => r.ms / 1000)), unit: 's' },
      { area: 'chaos', metric: `${RUNS} seeded runs: faults injected`, value: faults, unit: 'faults' },
      { area: 'chaos', metric: `${RUNS} seeded runs: invariant checks held (of ${checks})`, value: held, unit: 'checks', target: `${checks}` },
    ];
  },
};
