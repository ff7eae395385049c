/**
 * Staff sessions, in memory only (a restart logs everyone out, and a full
 * disk never stops a login). A session is a random token bound to where it
 * was opened:
 * - the connection (web host socket) and transport: the same token from any
 *   other connection is refused, and the session ends when its socket closes;
 * - a person's input: it ends two minutes after the last `touch()` (the
 *   console calls `staff.activity` on real pointer and key input only, so
 *   background polls cannot keep it alive);
 * - twelve hours after login in any case.
 *
 * Every time here is read from `clock`, which is monotonic in production
 * (`app/monotonic-clock.ts`): a wall-clock jump neither ends a session nor
 * stretches it. `startedAt`, `lastInputAt` and `expiresAt` are on that clock,
 * not dates; `remainingMs()` turns them into a wall time for display.
 */
import { randomBytes } from 'node:crypto';
import type { CallMeta, Principal } from '../../contract/dispatch';
import type { StaffRole } from '../../contract/access';
import { StaffError } from './staff-errors';

export const SESSION_IDLE_MS = 2 * 60_000;
export const SESSION_MAX_MS = 12 * 60 * 60_000;

export interface StaffSession {
  token: string;
  role: StaffRole;
  pinId: string;
  transport: CallMeta['transport'];
  /** null for hosts without connections (Electron IPC, in-process callers). */
  connectionId: string | null;
  principal: Principal;
  /** On the sessions' (monotonic) clock, not a date. */
  startedAt: number;
  lastInputAt: number;
  /** When it ends if nobody touches the console again: the idle limit, capped by the 12 hours (same clock). */
  expiresAt: number;
}

export type SessionEndReason = 'logout' | 'expired' | 'closed';

/** Where a session is opened from: the call's transport, connection and principal. */
export type SessionOrigin = Pick<CallMeta, 'transport' | 'connectionId' | 'principal'>;

export class StaffSessions {
  private readonly sessions = new Map<string, StaffSession>();

  constructor(
    /** Monotonic milliseconds (`monotonicNow`); tests pass a clock they move. */
    private readonly now: () => number,
    private readonly onEnd: (s: StaffSession, reason: SessionEndReason) => void,
  ) {}

  /** How long the session has left if nobody touches the console (0 once over): add it to the wall clock to show an end time. */
  remainingMs(s: StaffSession): number {
    return Math.max(0, s.expiresAt - this.now());
  }

  open(role: StaffRole, pinId: string, origin: SessionOrigin): StaffSession {
    const at = this.now();
    const s: StaffSession = {
      token: randomBytes(24).toString('base64url'),
      role,
      pinId,
      transport: origin.transport,
      connectionId: origin.connectionId ?? null,
      principal: origin.principal ?? { kind: 'local' },
      startedAt: at,
      lastInputAt: at,
      expiresAt: 0,
    };
    s.expiresAt = expiry(s);
    this.sessions.set(s.token, s);
    return s;
  }

  /** The live session of `token` for this caller; never extends it. Refusals all read "expired": a stranger learns nothing. */
  check(token: string, caller: SessionOrigin): StaffSession {
    const s = this.sessions.get(token);
    if (!s) throw new StaffError('staff.session_expired', 'no such session');
    if (s.expiresAt <= this.now()) {
      this.end(s, 'expired');
      throw new StaffError('staff.session_expired', 'the session expired');
    }
    if (s.connectionId !== (caller.connectionId ?? null) || s.transport !== caller.transport || !samePrincipal(s.principal, caller.principal ?? { kind: 'local' })) {
      throw new StaffError('staff.session_expired', 'the session belongs to another connection');
    }
    return s;
  }

  /** A person touched the console: the two minutes start again (never past the twelve hours). */
  touch(token: string): StaffSession {
    const s = this.sessions.get(token);
    if (!s) throw new StaffError('staff.session_expired', 'no such session');
    if (s.expiresAt <= this.now()) {
      // An ended session is not revived by a late touch.
      this.end(s, 'expired');
      throw new StaffError('staff.session_expired', 'the session expired');
    }
    s.lastInputAt = this.now();
    s.expiresAt = expiry(s);
    return s;
  }

  logout(token: string): void {
    const s = this.sessions.get(token);
    if (s) this.end(s, 'logout');
  }

  /** The connection closed: its sessions end with it. */
  endConnection(connectionId: string): void {
    for (const s of [...this.sessions.values()]) if (s.connectionId === connectionId) this.end(s, 'closed');
  }

  /** Ends the sessions of a removed PIN. */
  endPin(pinId: string): void {
    for (const s of [...this.sessions.values()]) if (s.pinId === pinId) this.end(s, 'logout');
  }

  /** Ends expired sessions (on a timer, so maintenance mode closes on its own). */
  sweep(): void {
    for (const s of [...this.sessions.values()]) if (s.expiresAt <= this.now()) this.end(s, 'expired');
  }

  active(): StaffSession[] {
    return [...this.sessions.values()].filter((s) => s.expiresAt > this.now());
  }

  private end(s: StaffSession, reason: SessionEndReason): void {
    if (!this.sessions.delete(s.token)) return;
    this.onEnd(s, reason);
  }
}

function expiry(s: StaffSession): number {
  return Math.min(s.lastInputAt + SESSION_IDLE_MS, s.startedAt + SESSION_MAX_MS);
}

function samePrincipal(a: Principal, b: Principal): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'device' || a.deviceId === (b as { deviceId: string }).deviceId;
}
