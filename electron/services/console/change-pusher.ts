/**
 * Tells consoles what changed (`console.changed`), so a panel reloads when
 * its data moved instead of asking every few seconds. Topics come from the
 * event types the services already record; pushes are coalesced over a
 * short window so a burst (a check-in writes several events) is one push.
 */
import type { PushEvent } from '../../contract/events';
import type { EventLog, LoggedEvent } from '../storage/event-log';

export type ChangeTopic = 'queue' | 'bookings' | 'stock' | 'jobs' | 'today' | 'content';

/** Which console topics one recorded event touches. */
export function topicsOf(type: string): ChangeTopic[] {
  if (type.startsWith('store.queue')) return ['queue', 'today'];
  if (type === 'store.booked' || type === 'store.booking_cancelled' || type === 'store.availability_set') return ['bookings'];
  if (type === 'store.snack_taken') return ['stock', 'today'];
  if (type === 'store.restocked' || type === 'store.low_stock_set' || type === 'vending.restocked' || type === 'vending.slot_changed' || type === 'console.low_stock_set') return ['stock'];
  if (type === 'vend.completed' || type === 'vend.failed' || type === 'vend.resolved') return ['stock', 'today'];
  if (type.startsWith('print.') || type.startsWith('console.job_')) return ['jobs'];
  if (type === 'visitor.session_started' || type === 'pharmacy.prescribed' || type === 'store.visit_started' || type === 'store.self_checked') return ['today'];
  if (type.startsWith('console.content_')) return ['content'];
  return [];
}

export function startChangePusher(events: Pick<EventLog, 'subscribe'>, push: (e: PushEvent) => void, windowMs = 150): () => void {
  const pending = new Set<ChangeTopic>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (pending.size === 0) return;
    const topics = [...pending];
    pending.clear();
    push({ name: 'console.changed', payload: { topics } });
  };
  const off = events.subscribe((e: LoggedEvent) => {
    const topics = topicsOf(e.type);
    if (topics.length === 0) return;
    for (const t of topics) pending.add(t);
    timer ??= setTimeout(flush, windowMs);
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
    timer = null;
  };
}
