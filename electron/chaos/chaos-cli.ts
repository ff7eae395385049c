/**
 * `npm run chaos -- [--runs N] [--seed S] [--visits V] [--jobs J] [--keep]`
 *
 * The fault and crash campaign: N runs with seeds S, S+1, …; each drives a
 * few whole visits through a real web host process against the printer and
 * vending simulators while injecting faults and SIGKILLs (see
 * `chaos-run.ts`), then checks the invariants (`invariants.ts`). Prints one
 * table and exits 1 when any invariant broke in any run.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseFlags } from '../services/config/runtime-options';
import { runCampaign } from './chaos-campaign';
import { formatSummary, summarize } from './chaos-report';
import { ensureHostBundle } from './host-entry';

const USAGE = 'usage: npm run chaos -- [--runs N] [--seed S] [--visits V] [--jobs J] [--keep]';

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const num = (name: string, def: number, min: number, max: number) => {
    if (flags[name] === undefined) return def;
    const n = Number(flags[name]);
    if (!Number.isInteger(n) || n < min || n > max) throw new TypeError(`--${name} must be a whole number from ${min} to ${max}, got "${flags[name]}"`);
    return n;
  };
  const runs = num('runs', 20, 1, 100_000);
  const seed = num('seed', 1, 0, 2 ** 31);
  const visits = num('visits', 3, 1, 50);
  const root = resolve(import.meta.dirname, '../..');
  const jobs = num('jobs', 1, 1, 8);
  // The bundled host starts in about half tsx's time; rebuilt here when the sources are newer (a few seconds).
  const bundled = ensureHostBundle(root, () => {
    process.stderr.write('building the kiosk host bundle (npm run build -- --node-only)...\n');
    execFileSync(process.execPath, [resolve(root, 'scripts/build.mjs'), '--node-only'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  });
  if (!bundled) process.stderr.write('the host bundle is still older than the sources: starting the host through tsx\n');
  const t0 = Date.now();
  let stop = false;
  process.once('SIGINT', () => (stop = true));
  const seeds = Array.from({ length: runs }, (_, i) => seed + i);
  const results = await runCampaign(seeds, { root, visits, jobs, keep: flags.keep === 'true', shouldStop: () => stop }, (r, done) => {
    const broken = r.invariants.filter((x) => !x.held).map((x) => x.name);
    const kinds = Object.entries(r.injected).map(([k, n]) => (n! > 1 ? `${k}×${n}` : k)).join(' ') || 'none';
    process.stderr.write(`run ${done}/${runs} seed ${r.seed}: ${(r.ms / 1000).toFixed(1)} s, faults ${kinds}: ${broken.length ? `BROKEN ${broken.join(', ')}` : 'all held'}\n`);
  });
  const summary = summarize(results, (Date.now() - t0) / 1000);
  process.stdout.write(formatSummary(summary) + '\n');
  return summary.brokenRuns.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`chaos failed: ${(err as Error)?.stack ?? err}\n`);
    process.exit(2);
  },
);
