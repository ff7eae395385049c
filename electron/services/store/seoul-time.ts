/**
 * Seoul wall-clock time for days, queues and booking slots, whatever the
 * kiosk's clock zone. Korea has kept UTC+9 without daylight saving since
 * 1988, so a fixed offset is exact.
 */
const OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `2026-11-25`: the Seoul date of an instant. */
export function seoulDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** `2026-11-25T14:10`: Seoul wall-clock minute of an instant. */
export function seoulMinute(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** The instant of a Seoul wall-clock minute (`2026-11-25T14:10`). */
export function fromSeoulMinute(local: string): Date {
  return new Date(Date.parse(`${local}:00.000Z`) - OFFSET_MS);
}

export function weekdayOf(day: string): Weekday {
  return WEEKDAYS[new Date(`${day}T00:00:00.000Z`).getUTCDay()]!;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

export function hhmmOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
