import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Timers } from '../printing/timers';
import { dateClock, sleep, systemClock, type Clock } from './device-clock';

afterEach(() => vi.useRealTimers());

describe('device clock', () => {
  it('has the printer stack’s timer shape, so printing can take it as it is', () => {
    const asTimers: Timers = dateClock;
    const asClock: Clock = asTimers;
    expect(asClock).toBe(dateClock);
  });

  it('dateClock and sleep follow fake timers installed after import', async () => {
    vi.useFakeTimers();
    const t0 = dateClock.now();
    let woke = false;
    const done = sleep(dateClock, 5000).then(() => (woke = true));
    await vi.advanceTimersByTimeAsync(4999);
    expect(woke).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(woke).toBe(true);
    expect(dateClock.now() - t0).toBe(5000);
  });

  it('systemClock is monotonic and its timers can be cleared', async () => {
    const a = systemClock.now();
    let fired = false;
    const h = systemClock.setTimeout(() => (fired = true), 10);
    systemClock.clearTimeout(h);
    await new Promise((r) => setTimeout(r, 30));
    expect(fired).toBe(false);
    expect(systemClock.now()).toBeGreaterThanOrEqual(a);
  });
});
