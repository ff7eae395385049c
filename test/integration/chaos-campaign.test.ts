/**
 * CI's share of the fault and crash campaign: 20 seeded runs, two at a
 * time, a couple of visits each, through a real web host process against
 * the simulators with faults and SIGKILLs (see `electron/chaos/`). Every
 * invariant must hold in every run; a broken run's files are kept and
 * named in the failure. `npm run chaos -- --runs 500` is the long campaign.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { runCampaign } from '../../electron/chaos/chaos-campaign';
import { formatSummary, summarize } from '../../electron/chaos/chaos-report';
import { INVARIANTS } from '../../electron/chaos/invariants';

const SEED = Number(process.env.ITDA_CHAOS_SEED ?? 7000);
const RUNS = 20;

describe('fault and crash campaign', () => {
  it(`holds every invariant over ${RUNS} seeded runs`, { timeout: 600_000 }, async () => {
    const t0 = Date.now();
    const results = await runCampaign(
      Array.from({ length: RUNS }, (_, i) => SEED + i),
      { root: resolve(__dirname, '../..'), visits: 2, jobs: 2, settleMs: 30_000 },
    );
    const summary = summarize(results, (Date.now() - t0) / 1000);
    expect(results).toHaveLength(RUNS);
    // Each run checked every invariant (none died before its checks).
    for (const r of results) expect(r.invariants.map((i) => i.name)).toEqual([...INVARIANTS]);
    // Faults were injected: a campaign that injects nothing proves nothing.
    expect(Object.values(summary.faults).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(RUNS);
    expect(summary.brokenRuns, formatSummary(summary)).toEqual([]);
  });
});
