/**
 * When the nightly maintenance runs: inside the configured Seoul hour, once
 * per Seoul day, and never while a visitor is using the kiosk (it waits for
 * the session to end, within the same hour). Pure: the caller passes the
 * time and what it knows.
 */
import { seoulDay, seoulMinute } from '../store/seoul-time';

export type WindowDecision = { run: true; day: string } | { run: false; why: 'outside_window' | 'done_today' | 'visitor_active'; day: string };

export function maintenanceDecision(input: { now: Date; hour: number; lastRunDay: string | null; visitorActive: boolean }): WindowDecision {
  const day = seoulDay(input.now);
  const hour = Number(seoulMinute(input.now).slice(11, 13));
  if (hour !== input.hour) return { run: false, why: 'outside_window', day };
  if (input.lastRunDay === day) return { run: false, why: 'done_today', day };
  if (input.visitorActive) return { run: false, why: 'visitor_active', day };
  return { run: true, day };
}

/**
 * Whether a visitor session looks open: the last visitor event is not a
 * reset and happened within the idle time plus its countdown (plus a
 * margin). A screen that vanished without a reset counts as ended after that.
 */
export function visitorActiveFrom(last: { type: string; at: string } | null, now: Date, idleWindowMs: number): boolean {
  if (!last || last.type === 'visitor.session_reset') return false;
  return now.getTime() - Date.parse(last.at) < idleWindowMs;
}
