/**
 * The weekly counseling hours as staff edit them on the touch screen: times
 * move in 30-minute steps (no typing), and the same sense checks as the
 * service (`availability-check.ts`) run before saving, so staff see what is
 * wrong next to the day instead of a refused save.
 */
import type { ApiInput } from '../../../../electron/contract/api';

export type Weekly = ApiInput<'store.staffSetAvailability'>['weekly'];
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const SLOT_CHOICES = [30, 40, 50, 60, 90] as const;
export const STEP_MIN = 30;

export interface Problem {
  day: Weekday;
  key: 'staff.hours.problem.order' | 'staff.hours.problem.short' | 'staff.hours.problem.overlap' | 'staff.hours.problem.tooMany';
  params: Record<string, string | number>;
}

export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmmOf = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A time moved by `delta` minutes, kept within 00:00–23:30 (the day's last step). */
export function shiftTime(hhmm: string, delta: number): string {
  return hhmmOf(Math.min(23 * 60 + 30, Math.max(0, minutesOf(hhmm) + delta)));
}

/** A new span for a day: after its last span, or 10:00–12:00 on a closed day. */
export function addSpan(weekly: Weekly, day: Weekday): Weekly {
  const spans = weekly[day];
  const last = spans[spans.length - 1];
  const from = last ? shiftTime(last[1], 60) : '10:00';
  const to = shiftTime(from, 120);
  return { ...weekly, [day]: [...spans, [from, to]] };
}

export function removeSpan(weekly: Weekly, day: Weekday, index: number): Weekly {
  return { ...weekly, [day]: weekly[day].filter((_, i) => i !== index) };
}

export function moveTime(weekly: Weekly, day: Weekday, index: number, end: 0 | 1, delta: number): Weekly {
  return {
    ...weekly,
    [day]: weekly[day].map((span, i) => (i === index ? ((end === 0 ? [shiftTime(span[0], delta), span[1]] : [span[0], shiftTime(span[1], delta)]) as [string, string]) : span)),
  };
}

export function problems(weekly: Weekly): Problem[] {
  const out: Problem[] = [];
  for (const day of WEEKDAYS) {
    const spans = [...weekly[day]].sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
    if (spans.length > 6) out.push({ day, key: 'staff.hours.problem.tooMany', params: {} });
    spans.forEach(([from, to], i) => {
      const len = minutesOf(to) - minutesOf(from);
      if (len <= 0) out.push({ day, key: 'staff.hours.problem.order', params: { from, to } });
      else if (len < weekly.slotMinutes) out.push({ day, key: 'staff.hours.problem.short', params: { from, to, n: weekly.slotMinutes } });
      const prev = spans[i - 1];
      if (prev && minutesOf(from) < minutesOf(prev[1])) out.push({ day, key: 'staff.hours.problem.overlap', params: {} });
    });
  }
  return out;
}
