/**
 * Many runs, `jobs` at a time (each run has its own data dir, simulators,
 * PTYs and host process, so runs do not share anything but the CPU).
 */
import { runChaos, type RunOptions, type RunResult } from './chaos-run';

export async function runCampaign(
  seeds: number[],
  opts: RunOptions & { jobs?: number; shouldStop?: () => boolean },
  onRun: (r: RunResult, done: number) => void = () => {},
): Promise<RunResult[]> {
  const results: RunResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < seeds.length && !opts.shouldStop?.()) {
      const seed = seeds[next++];
      const r = await runChaos(seed, opts);
      results.push(r);
      onRun(r, results.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.jobs ?? 1) }, worker));
  return results.sort((a, b) => a.seed - b.seed);
}
