/**
 * Staff sessions time out on the monotonic clock: a wall-clock jump (an NTP
 * correction, a technician setting the date) neither logs staff out nor
 * keeps them in.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_IDLE_MS, SESSION_MAX_MS, StaffSessions } from './staff-sessions';
import { monotonicNow } from '../app/monotonic-clock';

const origin = { transport: 'ws' as const, connectionId: 'c1', principal: { kind: 'screen' as const } };

afterEach(() => {
  vi.useRealTimers();
});

describe('staff sessions on a monotonic clock', () => {
  it('idle and lifetime limits count monotonic time only', () => {
    let mono = 1_000;
    const ended: string[] = [];
    const sessions = new StaffSessions(
      () => mono,
      (_s, reason) => ended.push(reason),
    );
    const s = sessions.open('staff', 'pin1', origin);
    expect(sessions.remainingMs(s)).toBe(SESSION_IDLE_MS);
    mono += SESSION_IDLE_MS - 1;
    expect(sessions.check(s.token, origin).token).toBe(s.token);
    sessions.touch(s.token);
    expect(sessions.remainingMs(s)).toBe(SESSION_IDLE_MS);
    mono += SESSION_IDLE_MS;
    expect(() => sessions.check(s.token, origin)).toThrow(expect.objectContaining({ code: 'staff.session_expired' }));
    expect(ended).toEqual(['expired']);

    // Touched forever, a session still ends twelve hours after login.
    const long = sessions.open('admin', 'pin2', origin);
    for (let t = 0; t < SESSION_MAX_MS; t += SESSION_IDLE_MS / 2) {
      mono += SESSION_IDLE_MS / 2;
      if (long.startedAt + SESSION_MAX_MS <= mono) break;
      sessions.touch(long.token);
    }
    expect(() => sessions.check(long.token, origin)).toThrow(expect.objectContaining({ code: 'staff.session_expired' }));
  });

  it('a wall-clock jump forward or back changes nothing (the production clock)', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-06T01:00:00Z') });
    const sessions = new StaffSessions(monotonicNow, () => undefined);
    const s = sessions.open('staff', 'pin1', origin);
    // A day forward: not logged out.
    vi.setSystemTime(new Date('2026-12-07T01:00:00Z'));
    expect(sessions.check(s.token, origin).token).toBe(s.token);
    sessions.sweep();
    expect(sessions.active()).toHaveLength(1);
    // A day back: the two minutes are not stretched either (remaining never exceeds the idle limit).
    vi.setSystemTime(new Date('2026-12-05T01:00:00Z'));
    expect(sessions.remainingMs(s)).toBeLessThanOrEqual(SESSION_IDLE_MS);
    expect(sessions.remainingMs(s)).toBeGreaterThan(SESSION_IDLE_MS - 60_000);
  });
});
