import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer } from './idle-timer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function make() {
  const log: string[] = [];
  const timer = new IdleTimer({
    idleMs: 60_000,
    countdownSeconds: 15,
    onPrompt: (n) => log.push(`prompt ${n}`),
    onTick: (n) => log.push(`tick ${n}`),
    onExpire: () => log.push('expire'),
  });
  return { timer, log };
}

describe('IdleTimer', () => {
  it('prompts after the idle time, counts down each second, then expires once', () => {
    const { timer, log } = make();
    timer.start();
    vi.advanceTimersByTime(59_999);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['prompt 15']);
    vi.advanceTimersByTime(14_000);
    expect(log.at(-1)).toBe('tick 1');
    vi.advanceTimersByTime(1_000);
    expect(log.at(-1)).toBe('expire');
    vi.advanceTimersByTime(600_000);
    expect(log.filter((l) => l === 'expire')).toHaveLength(1);
  });

  it('restarts the wait on any input before the prompt', () => {
    const { timer, log } = make();
    timer.start();
    vi.advanceTimersByTime(50_000);
    timer.activity();
    vi.advanceTimersByTime(50_000);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(10_000);
    expect(log).toEqual(['prompt 15']);
  });

  it('ignores stray input during the prompt: only continue keeps the session', () => {
    const { timer, log } = make();
    timer.start();
    vi.advanceTimersByTime(60_000);
    timer.activity();
    vi.advanceTimersByTime(15_000);
    expect(log.at(-1)).toBe('expire');

    const second = make();
    second.timer.start();
    vi.advanceTimersByTime(65_000);
    second.timer.continue();
    vi.advanceTimersByTime(59_000);
    expect(second.log).toEqual(['prompt 15', 'tick 14', 'tick 13', 'tick 12', 'tick 11', 'tick 10']);
    vi.advanceTimersByTime(1_000);
    expect(second.log.at(-1)).toBe('prompt 15');
  });

  it('does nothing once stopped (attract screen)', () => {
    const { timer, log } = make();
    timer.start();
    timer.stop();
    timer.activity();
    vi.advanceTimersByTime(600_000);
    expect(log).toEqual([]);
  });
});

describe('IdleTimer across a wall-clock jump (an NTP correction)', () => {
  it('neither expires early when the clock jumps ahead nor waits longer when it jumps back', () => {
    const { timer, log } = make();
    timer.start();
    vi.advanceTimersByTime(30_000);
    vi.setSystemTime(Date.now() + 3_600_000);
    vi.advanceTimersByTime(29_999);
    expect(log).toEqual([]);
    vi.setSystemTime(Date.now() - 7_200_000);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['prompt 15']);
  });
});
