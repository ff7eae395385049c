import { describe, expect, it } from 'vitest';
import { maintenanceDecision, visitorActiveFrom } from './maintenance-window';

// 2026-12-05T18:30Z is 03:30 on 12-06 in Seoul (UTC+9).
const inWindow = new Date('2026-12-05T18:30:00Z');

describe('maintenanceDecision', () => {
  it('runs inside the Seoul hour, once per Seoul day', () => {
    expect(maintenanceDecision({ now: inWindow, hour: 3, lastRunDay: null, visitorActive: false })).toEqual({ run: true, day: '2026-12-06' });
    expect(maintenanceDecision({ now: inWindow, hour: 3, lastRunDay: '2026-12-06', visitorActive: false })).toMatchObject({ run: false, why: 'done_today' });
    expect(maintenanceDecision({ now: inWindow, hour: 3, lastRunDay: '2026-12-05', visitorActive: false }).run).toBe(true);
  });

  it('uses Seoul time, whatever the machine zone: 03:30 UTC is outside a 3 o\'clock window', () => {
    expect(maintenanceDecision({ now: new Date('2026-12-05T03:30:00Z'), hour: 3, lastRunDay: null, visitorActive: false })).toMatchObject({ run: false, why: 'outside_window' });
  });

  it('waits while a visitor is active', () => {
    expect(maintenanceDecision({ now: inWindow, hour: 3, lastRunDay: null, visitorActive: true })).toMatchObject({ run: false, why: 'visitor_active' });
  });
});

describe('visitorActiveFrom', () => {
  const now = new Date('2026-12-05T18:30:00Z');
  it('is active when the last visitor event is recent and not a reset', () => {
    expect(visitorActiveFrom({ type: 'visitor.screen_viewed', at: '2026-12-05T18:29:30Z' }, now, 120_000)).toBe(true);
  });
  it('is not active after a reset, after the idle window, or with no visitor at all', () => {
    expect(visitorActiveFrom({ type: 'visitor.session_reset', at: '2026-12-05T18:29:59Z' }, now, 120_000)).toBe(false);
    expect(visitorActiveFrom({ type: 'visitor.screen_viewed', at: '2026-12-05T18:20:00Z' }, now, 120_000)).toBe(false);
    expect(visitorActiveFrom(null, now, 120_000)).toBe(false);
  });
});
