/**
 * The console shows Seoul's clock whatever time zone the tablet's browser is
 * set to (a technician's laptop on UTC, a visiting tablet on Los Angeles).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { timeOf, whenOf } from './console-format';

const savedTz = process.env.TZ;

afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('console times in Seoul', () => {
  for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Seoul', 'Pacific/Kiritimati']) {
    it(`reads Seoul's clock with the browser on ${tz}`, () => {
      process.env.TZ = tz;
      // 00:30 UTC is 09:30 in Seoul (UTC+9, no daylight saving).
      expect(timeOf('2026-12-06T00:30:00Z', 'ko')).toBe('09:30');
      expect(timeOf('2026-12-06T00:30:00Z', 'en')).toBe('09:30');
      // 15:30 UTC is already the next day in Seoul: "today" is Seoul's today.
      const seoulMorning = new Date('2026-12-06T23:00:00Z');
      expect(whenOf('2026-12-06T15:30:00Z', 'ko', seoulMorning)).toBe('00:30');
      // The day before in Seoul gets its date: 6 December, 00:29 Seoul time.
      expect(whenOf('2026-12-05T15:29:00Z', 'en', seoulMorning)).toBe('06/12 00:29');
    });
  }
});
