/** Change pushes: event types map to console topics, and a burst of events is one push. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PushEvent } from '../../contract/events';
import type { LoggedEvent } from '../storage/event-log';
import { startChangePusher, topicsOf } from './change-pusher';

afterEach(() => vi.useRealTimers());

describe('change pusher', () => {
  it('maps recorded events to the panels they change', () => {
    expect(topicsOf('store.queue_joined')).toEqual(['queue', 'today']);
    expect(topicsOf('print.job_failed')).toEqual(['jobs']);
    expect(topicsOf('vending.restocked')).toEqual(['stock']);
    expect(topicsOf('staff.login')).toEqual([]);
  });

  it('coalesces a burst into one push naming every topic once', async () => {
    vi.useFakeTimers();
    const listeners: ((e: LoggedEvent) => void)[] = [];
    const pushes: PushEvent[] = [];
    const off = startChangePusher({ subscribe: (l) => (listeners.push(l), () => undefined) }, (e) => pushes.push(e), 100);
    const ev = (type: string) => ({ seq: 1, kioskSeq: 1, id: 'x', at: '', kioskId: 'k', type, payload: {} });
    for (const t of ['store.queue_joined', 'store.snack_taken', 'store.queue_changed', 'staff.login']) listeners[0]!(ev(t));
    expect(pushes).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toEqual({ name: 'console.changed', payload: { topics: ['queue', 'today', 'stock'] } });
    off();
  });
});
