/**
 * What makes a weekly schedule unusable, in words staff can act on: a span
 * that ends before it starts, one too short for a single slot, two spans of a
 * day that overlap. `weeklyAvailabilitySchema` checks the shape; this checks
 * the sense, so a typo cannot silently close the booking calendar.
 */
import type { WeeklyAvailability } from './store-config';
import { minutesOf } from './seoul-time';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** One line per problem, `day: what` (`wed: 18:00–10:00 ends before it starts`); empty when the schedule is fine. */
export function availabilityProblems(weekly: WeeklyAvailability): string[] {
  const out: string[] = [];
  for (const day of WEEKDAYS) {
    const spans = [...weekly[day]].sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
    spans.forEach(([from, to], i) => {
      const len = minutesOf(to) - minutesOf(from);
      if (len <= 0) out.push(`${day}: ${from}–${to} ends before it starts`);
      else if (len < weekly.slotMinutes) out.push(`${day}: ${from}–${to} is shorter than one ${weekly.slotMinutes}-minute slot`);
      const prev = spans[i - 1];
      if (prev && minutesOf(from) < minutesOf(prev[1])) out.push(`${day}: ${prev[0]}–${prev[1]} and ${from}–${to} overlap`);
    });
  }
  return out;
}
