/**
 * The time source of the VMC protocol layers. Injected so the codec's 100 ms
 * inter-byte rule, the reply timeouts and the simulator's vend times run
 * under fake timers in unit tests and on the real clock everywhere else.
 */
export interface Clock {
  /** Milliseconds, monotonic within one process. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** A clock that follows vitest's fake timers (Date.now is faked, performance.now may not be). */
export const dateClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};
