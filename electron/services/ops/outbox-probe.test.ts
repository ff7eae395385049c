import { describe, expect, it } from 'vitest';
import { outboxProbe } from './outbox-probe';

const now = () => Date.parse('2026-12-05T12:00:00Z');
const hub = (events: number, oldestAt: string | null, paired = true) => ({ outbox: { lag: () => ({ events, oldestAt }) }, paired: () => paired });

describe('outboxProbe', () => {
  it('reports the lag without a warning while it is short', () => {
    expect(outboxProbe(hub(3, '2026-12-05T11:59:00Z'), now)()).toEqual({ serving: true, detail: { paired: true, events: 3, lagSeconds: 60 } });
  });
  it('warns when events wait longer than ten minutes, or the kiosk is not paired; never "not serving"', () => {
    expect(outboxProbe(hub(40, '2026-12-05T11:30:00Z'), now)()).toMatchObject({ serving: true, reason: '40 events waiting for 30 min' });
    expect(outboxProbe(hub(0, null, false), now)()).toMatchObject({ serving: true, reason: 'not paired with the hub' });
  });
});
