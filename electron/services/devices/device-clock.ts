/**
 * The one time source of the device stacks (printer and vending cabinet),
 * injected so protocol rules (the VMC's 100 ms inter-byte gap, reply
 * timeouts, status polls, a simulated vend's run time) run under fake
 * timers in unit tests and on the real clock everywhere else.
 */
export interface Clock {
  /** Milliseconds; monotonic within one process for `systemClock`. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock: a monotonic `now` (a wall-clock step must not stretch or cut a timeout). */
export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * A clock that follows vitest's fake timers: `Date.now` is faked,
 * `performance.now` may not be. The globals are looked up at call time, so
 * `vi.useFakeTimers()` after import still governs it.
 */
export const dateClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimeout(resolve, ms));
}
