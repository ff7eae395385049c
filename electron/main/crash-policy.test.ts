import { describe, expect, it } from 'vitest';
import { createCrashPolicy, DEFAULT_CRASH_POLICY, relaunchArgs, relaunchesFrom } from './crash-policy';

const minute = 60_000;

describe('crashed renderer policy', () => {
  it('reloads a few times, then relaunches the app', () => {
    const policy = createCrashPolicy({ ...DEFAULT_CRASH_POLICY, relaunchesSoFar: 0 });
    const actions = [0, 1, 2, 3].map((i) => policy.decide('crashed', i * 1000));
    expect(actions).toEqual(['reload', 'reload', 'reload', 'relaunch']);
  });

  it('forgets crashes older than its window', () => {
    const policy = createCrashPolicy({ maxReloads: 2, windowMs: 5 * minute, maxRelaunches: 1, relaunchesSoFar: 0 });
    expect(policy.decide('oom', 0)).toBe('reload');
    expect(policy.decide('oom', 1 * minute)).toBe('reload');
    expect(policy.decide('oom', 10 * minute)).toBe('reload');
  });

  it('gives up once the relaunches are used, so a broken build does not spin forever', () => {
    const policy = createCrashPolicy({ maxReloads: 1, windowMs: minute, maxRelaunches: 2, relaunchesSoFar: 2 });
    expect(policy.decide('crashed', 0)).toBe('reload');
    expect(policy.decide('crashed', 1)).toBe('give-up');
  });

  it('ignores a clean exit (our own quit)', () => {
    const policy = createCrashPolicy({ ...DEFAULT_CRASH_POLICY, relaunchesSoFar: 0 });
    for (let i = 0; i < 10; i++) expect(policy.decide('clean-exit', i)).toBe('ignore');
  });

  it('carries the relaunch count in the arguments', () => {
    expect(relaunchesFrom({})).toBe(0);
    expect(relaunchesFrom({ relaunches: '2' })).toBe(2);
    expect(relaunchesFrom({ relaunches: 'x' })).toBe(0);
    expect(relaunchArgs(['out/main/index.js', '--data', '/d', '--relaunches=1'], 1)).toEqual(['out/main/index.js', '--data', '/d', '--relaunches=2']);
  });
});
