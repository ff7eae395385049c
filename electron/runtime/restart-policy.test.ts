import { describe, expect, it } from 'vitest';
import { RestartPolicy } from './restart-policy';

describe('RestartPolicy', () => {
  it('restarts a single crash after the first delay, without an alert', () => {
    const p = new RestartPolicy();
    expect(p.onExit(0, 10_000)).toEqual({ delayMs: 1_000, streak: 1, alert: false });
  });

  it('backs off after a burst of crashes, doubling up to the ceiling, and alerts once per streak', () => {
    const p = new RestartPolicy({ firstDelayMs: 1_000, burst: 3, windowMs: 600_000, maxDelayMs: 8_000, stableMs: 600_000 });
    const decisions = [];
    let now = 0;
    for (let i = 0; i < 7; i++) {
      const started = now;
      now += 500;
      const d = p.onExit(started, now);
      decisions.push(d);
      now += d.delayMs;
    }
    expect(decisions.map((d) => d.delayMs)).toEqual([1_000, 1_000, 1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(decisions.map((d) => d.alert)).toEqual([false, false, false, true, false, false, false]);
    expect(decisions.at(-1)!.streak).toBe(7);
  });

  it('forgets the streak after a run that lasted stableMs, and alerts again on a new streak', () => {
    const p = new RestartPolicy({ burst: 1, windowMs: 600_000, stableMs: 30_000 });
    p.onExit(0, 100);
    expect(p.onExit(1_100, 1_200).alert).toBe(true);
    // Ran 40 s: healthy. The next crash starts a fresh streak.
    expect(p.onExit(2_000, 42_000)).toEqual({ delayMs: 1_000, streak: 1, alert: false });
    expect(p.onExit(43_000, 43_100).alert).toBe(true);
  });

  it('counts only crashes inside the window as one streak', () => {
    const p = new RestartPolicy({ burst: 2, windowMs: 10_000, stableMs: 1e9 });
    p.onExit(0, 1_000);
    p.onExit(2_000, 3_000);
    // 20 s later: the first two fell out of the window.
    expect(p.onExit(3_000, 23_000)).toEqual({ delayMs: 1_000, streak: 1, alert: false });
  });

  it('refuses options that make no sense', () => {
    expect(() => new RestartPolicy({ burst: 0 })).toThrow(TypeError);
    expect(() => new RestartPolicy({ firstDelayMs: 5_000, maxDelayMs: 1_000 })).toThrow(TypeError);
  });
});
