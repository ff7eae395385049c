/**
 * When to bring a crashed process back. A single crash is answered at once
 * (the kiosk screen must return within seconds); a process that keeps
 * crashing is restarted with growing pauses, so a broken browser or host does
 * not spin the CPU or flood the log, and staff are told once per crash streak.
 *
 * Pure: times are passed in (monotonic milliseconds), nothing is scheduled here.
 */

export interface RestartPolicyOptions {
  /** Pause before the first restarts of a streak (ms). Default 1000: well within the 5 s promise. */
  firstDelayMs?: number;
  /** Restarts allowed inside `windowMs` before back-off starts. Default 3. */
  burst?: number;
  /** Crashes further apart than this do not count as one streak (ms). Default 60 s. */
  windowMs?: number;
  /** The longest pause (ms). Default 60 s. */
  maxDelayMs?: number;
  /** A run this long counts as healthy and ends the streak (ms). Default 60 s. */
  stableMs?: number;
}

export interface RestartDecision {
  /** Wait this long, then start again. */
  delayMs: number;
  /** Crashes in the current streak, this one included. */
  streak: number;
  /** True once per streak, when back-off begins: the moment to raise a staff alert. */
  alert: boolean;
}

export class RestartPolicy {
  private readonly first: number;
  private readonly burst: number;
  private readonly windowMs: number;
  private readonly maxDelay: number;
  private readonly stableMs: number;
  private crashes: number[] = [];
  private alerted = false;

  constructor(opts: RestartPolicyOptions = {}) {
    this.first = opts.firstDelayMs ?? 1_000;
    this.burst = opts.burst ?? 3;
    this.windowMs = opts.windowMs ?? 60_000;
    this.maxDelay = opts.maxDelayMs ?? 60_000;
    this.stableMs = opts.stableMs ?? 60_000;
    if (!(this.first >= 0) || !(this.burst >= 1) || !(this.maxDelay >= this.first)) {
      throw new TypeError('restart policy: firstDelayMs >= 0, burst >= 1 and maxDelayMs >= firstDelayMs');
    }
  }

  /**
   * A supervised process exited (for any reason: the kiosk's processes are
   * never meant to stop on their own). `startedAt` and `now` are monotonic ms.
   */
  onExit(startedAt: number, now: number): RestartDecision {
    if (now - startedAt >= this.stableMs) this.reset();
    this.crashes = this.crashes.filter((t) => now - t < this.windowMs);
    this.crashes.push(now);
    const streak = this.crashes.length;
    if (streak <= this.burst) return { delayMs: this.first, streak, alert: false };
    const delayMs = Math.min(this.maxDelay, this.first * 2 ** (streak - this.burst));
    const alert = !this.alerted;
    this.alerted = true;
    return { delayMs, streak, alert };
  }

  /** Forget the streak (after a healthy run). */
  reset(): void {
    this.crashes = [];
    this.alerted = false;
  }
}
