/**
 * The campaign's table: how many runs, the faults injected by kind, and for
 * each invariant in how many runs it held or broke, then the broken runs
 * with their seeds (replay one with `--seed S --runs 1 --keep`).
 */
import { ALL_FAULTS, type FaultKind } from './fault-plan';
import { INVARIANTS } from './invariants';
import type { RunResult } from './chaos-run';

export interface CampaignSummary {
  runs: number;
  faults: Record<FaultKind, number>;
  invariants: { name: string; held: number; broken: number }[];
  brokenRuns: { seed: number; broken: { name: string; detail?: string }[]; keptDir: string | null }[];
  seconds: number;
}

export function summarize(results: RunResult[], seconds: number): CampaignSummary {
  const faults = Object.fromEntries(ALL_FAULTS.map((k) => [k, 0])) as Record<FaultKind, number>;
  for (const r of results) for (const [k, n] of Object.entries(r.injected)) faults[k as FaultKind] += n ?? 0;
  const names = [...INVARIANTS, ...new Set(results.flatMap((r) => r.invariants.map((i) => i.name)).filter((n) => !(INVARIANTS as readonly string[]).includes(n)))];
  const invariants = names.map((name) => {
    let held = 0;
    let broken = 0;
    for (const r of results) {
      const found = r.invariants.find((i) => i.name === name);
      if (!found) {
        // A run that died before its checks broke them all.
        if (r.invariants.some((i) => i.name === 'run completes')) broken++;
        continue;
      }
      if (found.held) held++;
      else broken++;
    }
    return { name, held, broken };
  });
  const brokenRuns = results
    .filter((r) => r.invariants.some((i) => !i.held))
    .map((r) => ({ seed: r.seed, broken: r.invariants.filter((i) => !i.held).map(({ name, detail }) => ({ name, detail })), keptDir: r.keptDir }));
  return { runs: results.length, faults, invariants, brokenRuns, seconds };
}

export function formatSummary(s: CampaignSummary): string {
  const lines: string[] = [];
  const table = (head: string[], rows: string[][]) => {
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(w[i])).join(' | ') + ' |';
    lines.push(line(head), '|' + w.map((x) => '-'.repeat(x + 2)).join('|') + '|', ...rows.map(line), '');
  };
  lines.push(`chaos: ${s.runs} runs in ${s.seconds.toFixed(0)} s`, '');
  table(
    ['fault', 'injected'],
    Object.entries(s.faults).map(([k, n]) => [k, String(n)]),
  );
  table(
    ['invariant', 'held', 'broken', ''],
    s.invariants.map((i) => [i.name, String(i.held), String(i.broken), i.broken ? 'BROKEN' : 'ok']),
  );
  for (const r of s.brokenRuns) {
    lines.push(`seed ${r.seed}${r.keptDir ? ` (files: ${r.keptDir})` : ''}:`);
    for (const b of r.broken) lines.push(`  ${b.name}: ${(b.detail ?? '').split('\n').slice(0, 6).join('\n    ')}`);
  }
  return lines.join('\n');
}
