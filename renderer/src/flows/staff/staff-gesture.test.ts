import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { staffGestureTap } from './staff-gesture';
import { useSessionStore } from '../../stores/session-store';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('staffGestureTap', () => {
  it('opens the PIN pad on five taps within three seconds, measured on the monotonic clock', () => {
    for (let i = 0; i < 4; i++) {
      expect(staffGestureTap()).toBe(false);
      vi.advanceTimersByTime(200);
      // The wall clock jumps an hour ahead mid-gesture: the taps still count as one gesture.
      if (i === 1) vi.setSystemTime(Date.now() + 3_600_000);
    }
    expect(staffGestureTap()).toBe(true);
    expect(useSessionStore.getState().screen).toBe('staff');
  });

  it('does not count taps further apart than three seconds', () => {
    for (let i = 0; i < 5; i++) {
      expect(staffGestureTap()).toBe(false);
      vi.advanceTimersByTime(3_100);
    }
  });
});
