/**
 * Wrong PINs (and wrong setup codes) are counted per scope, so one place
 * cannot lock another: the kiosk's own pad (the screen principal), each
 * enrolled device, and any other caller by its peer address. Five wrong in a
 * row lock that scope for five minutes, then ten, twenty, ... (at most a day);
 * a right PIN resets the count and the back-off. Counters live in SQLite, so
 * a restart does not reset them.
 */
import type { Db } from '../storage/database';
import type { SessionOrigin } from './staff-sessions';

export const MAX_FAILURES = 5;
export const LOCK_MS = 5 * 60_000;
export const MAX_LOCK_MS = 24 * 60 * 60_000;

/** The counter a caller's wrong PINs go to. */
export function lockoutScope(origin: SessionOrigin & { peer?: string }): string {
  const p = origin.principal ?? { kind: 'local' as const };
  if (p.kind === 'screen') return 'pad';
  if (p.kind === 'device') return `device:${p.deviceId}`;
  return origin.peer ? `peer:${origin.peer}` : p.kind;
}

/** How long the n-th lock (0-based) lasts: five minutes, doubling, at most a day. */
export function lockDuration(lockouts: number): number {
  return Math.min(LOCK_MS * 2 ** Math.min(lockouts, 20), MAX_LOCK_MS);
}

/** One scope's counter as stored (SQLite on the kiosk, PostgreSQL on the venue hub). */
export interface LockoutRow {
  failures: number;
  locked_until: string | null;
  lockouts: number;
}
type Row = LockoutRow;

/** Until when a stored counter locks its scope at `now` (ISO), or null. */
export function lockedUntilOf(r: LockoutRow, now: number): string | null {
  return r.locked_until && Date.parse(r.locked_until) > now ? r.locked_until : null;
}

/**
 * One more wrong PIN on a counter that already holds it (`failures` counted):
 * below the limit nothing else changes; at the limit the count starts over and
 * the scope locks for the next back-off step. Pure, so both stores apply the same rule.
 */
export function afterWrongPin(r: LockoutRow, now: number): { row: LockoutRow; lockedUntil: string | null; lockMs: number } {
  if (r.failures < MAX_FAILURES) return { row: r, lockedUntil: null, lockMs: 0 };
  const lockMs = lockDuration(r.lockouts);
  const until = new Date(now + lockMs).toISOString();
  return { row: { failures: 0, locked_until: until, lockouts: r.lockouts + 1 }, lockedUntil: until, lockMs };
}

export class PinLockout {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  private row(scope: string): Row {
    return (this.db.prepare('SELECT failures, locked_until, lockouts FROM staff_lockout WHERE scope = ?').get(scope) as Row | undefined) ?? { failures: 0, locked_until: null, lockouts: 0 };
  }

  /** Until when the scope is locked (ISO), or null. */
  lockedUntil(scope: string): string | null {
    return lockedUntilOf(this.row(scope), this.now());
  }

  failures(scope: string): number {
    return this.row(scope).failures;
  }

  /** Counts one wrong PIN; returns the count, and the lock when this one reached the limit. */
  fail(scope: string): { failures: number; lockedUntil: string | null; lockMs: number } {
    return this.db
      .transaction(() => {
        this.db.prepare('INSERT INTO staff_lockout (scope, failures) VALUES (?, 1) ON CONFLICT(scope) DO UPDATE SET failures = failures + 1').run(scope);
        const r = this.row(scope);
        const next = afterWrongPin(r, this.now());
        if (next.lockedUntil) this.db.prepare('UPDATE staff_lockout SET failures = ?, locked_until = ?, lockouts = ? WHERE scope = ?').run(next.row.failures, next.row.locked_until, next.row.lockouts, scope);
        return { failures: r.failures, lockedUntil: next.lockedUntil, lockMs: next.lockMs };
      })
      .immediate();
  }

  /** A right PIN: the count and the back-off start over. */
  succeed(scope: string): void {
    this.db
      .prepare('INSERT INTO staff_lockout (scope, failures, locked_until, lockouts) VALUES (?, 0, NULL, 0) ON CONFLICT(scope) DO UPDATE SET failures = 0, locked_until = NULL, lockouts = 0')
      .run(scope);
  }
}
