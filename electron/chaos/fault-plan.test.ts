import { describe, expect, it } from 'vitest';
import { ALL_FAULTS, countKinds, planRun } from './fault-plan';

describe('planRun', () => {
  it('gives the same plan for the same seed and another for another seed', () => {
    expect(planRun(42)).toEqual(planRun(42));
    expect(planRun(42)).not.toEqual(planRun(43));
  });

  it('keeps every fault inside the run, ordered by visit and time', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const plan = planRun(seed, { visits: 4, faults: [2, 4], killChance: 0.5 });
      expect(plan.visits).toHaveLength(4);
      const nonKill = plan.faults.filter((f) => f.kind !== 'sigkill');
      expect(nonKill.length).toBeGreaterThanOrEqual(2);
      expect(nonKill.length).toBeLessThanOrEqual(4);
      expect(plan.faults.filter((f) => f.kind === 'sigkill').length).toBeLessThanOrEqual(1);
      for (const f of plan.faults) {
        expect(f.visit).toBeGreaterThanOrEqual(0);
        expect(f.visit).toBeLessThan(4);
        expect(ALL_FAULTS).toContain(f.kind);
      }
      const order = plan.faults.map((f) => f.visit * 10_000 + f.atMs);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('draws every kind of fault over a few hundred runs', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 300; seed++) for (const k of Object.keys(countKinds(planRun(seed)))) seen.add(k);
    expect([...seen].sort()).toEqual([...ALL_FAULTS].sort());
  });
});
