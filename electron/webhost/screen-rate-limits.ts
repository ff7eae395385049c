/**
 * Rate limits for the calls with side effects, per principal (the kiosk
 * screen, a staff device), sized for a person's pace: a burst a hurried
 * visitor can reach, then a refill no person at a touchscreen exceeds.
 * Measured before these: 200 staff calls in 1.1 s from one client.
 *
 * Crisis calls are deliberately absent: a crisis tap is never refused. Its
 * repeats join the open crisis alert instead (`raiseStaffAlert`'s join).
 */
import { CoreErrorCode, KioskError } from '../contract/errors';

export interface Bucket {
  /** Calls allowed at once. */
  burst: number;
  /** One more call allowed every this many milliseconds. */
  refillMs: number;
}

export const SCREEN_RATE_LIMITS: Readonly<Record<string, Bucket>> = {
  // A prescription is several screens of choices: a few in a row is already unusual.
  'pharmacy.prescribe': { burst: 3, refillMs: 20_000 },
  'app.staffCall': { burst: 3, refillMs: 30_000 },
  // A mistyped number is retried; more than a handful a minute is a probe.
  'store.identify': { burst: 5, refillMs: 12_000 },
  'store.book': { burst: 5, refillMs: 10_000 },
  'store.talkNow': { burst: 3, refillMs: 30_000 },
};

export const RATE_LIMITED = CoreErrorCode.rateLimited;

export class RateLimiter {
  private readonly state = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limits: Readonly<Record<string, Bucket>> = SCREEN_RATE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one call's token for `who` or throws `app.rate_limited`; methods without a limit always pass. */
  take(who: string, method: string): void {
    const bucket = this.limits[method];
    if (!bucket) return;
    const key = `${who}\u0000${method}`;
    const t = this.now();
    const s = this.state.get(key) ?? { tokens: bucket.burst, at: t };
    const tokens = Math.min(bucket.burst, s.tokens + (t - s.at) / bucket.refillMs);
    if (tokens < 1) {
      this.state.set(key, { tokens, at: t });
      throw new KioskError(RATE_LIMITED, `${method} is rate limited for ${who}`, { retryable: true });
    }
    this.state.set(key, { tokens: tokens - 1, at: t });
  }
}
