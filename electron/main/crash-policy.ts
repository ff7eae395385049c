/**
 * What to do when the kiosk's renderer dies (`render-process-gone`): reload
 * it a few times, then relaunch the whole app a few times, then stop and
 * leave the restart to the venue's supervisor. A renderer that dies at once
 * on every load would otherwise spin the CPU forever in front of visitors.
 * Pure: the clock is passed in.
 */
export interface CrashPolicyOptions {
  /** Reloads allowed within `windowMs` before the app relaunches. */
  maxReloads: number;
  windowMs: number;
  /** Relaunches already done by earlier processes (`--relaunches=N`). */
  relaunchesSoFar: number;
  maxRelaunches: number;
}

export const DEFAULT_CRASH_POLICY: Omit<CrashPolicyOptions, 'relaunchesSoFar'> = {
  maxReloads: 3,
  windowMs: 5 * 60_000,
  maxRelaunches: 2,
};

export type CrashAction = 'reload' | 'relaunch' | 'give-up' | 'ignore';

/** The flag that carries the relaunch count into the relaunched process. */
export const RELAUNCH_FLAG = 'relaunches';

export function createCrashPolicy(opts: CrashPolicyOptions) {
  const crashes: number[] = [];
  return {
    /** `reason` is Electron's `details.reason`; a clean exit is ours (quitting), not a crash. */
    decide(reason: string, now: number): CrashAction {
      if (reason === 'clean-exit') return 'ignore';
      while (crashes.length > 0 && now - crashes[0] > opts.windowMs) crashes.shift();
      crashes.push(now);
      if (crashes.length <= opts.maxReloads) return 'reload';
      return opts.relaunchesSoFar < opts.maxRelaunches ? 'relaunch' : 'give-up';
    },
  };
}

export function relaunchesFrom(flags: Record<string, string>): number {
  const n = Number(flags[RELAUNCH_FLAG] ?? 0);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/** The user arguments for the next process: the same, with the count raised. */
export function relaunchArgs(args: readonly string[], relaunchesSoFar: number): string[] {
  const kept = args.filter((a) => !a.startsWith(`--${RELAUNCH_FLAG}=`));
  return [...kept, `--${RELAUNCH_FLAG}=${relaunchesSoFar + 1}`];
}
