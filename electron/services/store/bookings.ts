/**
 * Counselor bookings within the next N days, in slots cut from the weekly
 * availability (config default, or the staff console's override kept in
 * `settings`). One visitor per slot: the partial unique index on booked
 * slots makes the second of two simultaneous bookings fail, whichever
 * kiosk or connection it came from; the loser is told kindly and picks again.
 */
import { StoreError } from './store-errors';
import { randomInt } from 'node:crypto';
import { KioskError } from '../../contract/errors';
import { getSetting, setSetting, type Db } from '../storage/database';
import { ulid } from '../storage/ids';
import { availabilityProblems } from './availability-check';
import { weeklyAvailabilitySchema, type WeeklyAvailability } from './store-config';
import { addDays, fromSeoulMinute, hhmmOf, minutesOf, seoulDay, weekdayOf } from './seoul-time';

const SETTING = 'store.availability';
const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export interface Slot {
  /** Seoul wall-clock start, `2026-11-25T14:10`: also the slot's id. */
  start: string;
  minutes: number;
  free: boolean;
}

export interface BookingRow {
  bookingId: string;
  ref: string;
  slotStart: string;
  slotMinutes: number;
  state: 'booked' | 'cancelled';
  bookedAt: string;
  nickname: string | null;
}

export class Bookings {
  constructor(
    private readonly db: Db,
    private readonly defaults: WeeklyAvailability,
    private readonly days: number,
  ) {}

  availability(): WeeklyAvailability {
    const stored = getSetting(this.db, SETTING);
    if (stored) {
      const parsed = weeklyAvailabilitySchema.safeParse(JSON.parse(stored));
      if (parsed.success) return parsed.data;
    }
    return this.defaults;
  }

  /** Staff: replaces the weekly schedule; existing bookings stay (staff cancel them if needed). */
  setAvailability(weekly: WeeklyAvailability): void {
    const parsed = weeklyAvailabilitySchema.parse(weekly);
    const problems = availabilityProblems(parsed);
    if (problems.length) throw new StoreError('store.availability_invalid', `weekly availability: ${problems.join('; ')}`, { details: problems });
    setSetting(this.db, SETTING, JSON.stringify(parsed));
  }

  /** Every slot of the schedule from now to the end of the booking window, each marked free or taken. */
  slots(now = new Date()): Slot[] {
    const weekly = this.availability();
    const today = seoulDay(now);
    const nowMs = now.getTime();
    const all: Slot[] = [];
    for (let d = 0; d < this.days; d++) {
      const day = addDays(today, d);
      for (const [from, to] of weekly[weekdayOf(day)]) {
        for (let m = minutesOf(from); m + weekly.slotMinutes <= minutesOf(to); m += weekly.slotMinutes) {
          const start = `${day}T${hhmmOf(m)}`;
          if (fromSeoulMinute(start).getTime() > nowMs) all.push({ start, minutes: weekly.slotMinutes, free: true });
        }
      }
    }
    if (all.length === 0) return all;
    const taken = new Set(
      this.db
        .prepare("SELECT slot_start FROM store_bookings WHERE state = 'booked' AND slot_start >= ? AND slot_start <= ?")
        .pluck()
        .all(all[0]!.start, all[all.length - 1]!.start) as string[],
    );
    for (const s of all) s.free = !taken.has(s.start);
    return all;
  }

  /**
   * Books `slotStart` for the visit. Throws `store.slot_taken` when someone
   * else holds it, `store.slot_unavailable` when it is not a slot of the
   * schedule (or has passed).
   */
  book(visitId: string, visitorId: string | null, slotStart: string, now = new Date()): BookingRow {
    const slot = this.slots(now).find((s) => s.start === slotStart);
    if (!slot) throw new StoreError('store.slot_unavailable', `${slotStart} is not an open slot`);
    const existing = this.db.prepare("SELECT id FROM store_bookings WHERE visit_id = ? AND state = 'booked'").pluck().get(visitId) as string | undefined;
    if (existing) {
      const row = this.get(existing)!;
      if (row.slotStart === slotStart) return row;
      throw new StoreError('store.already_booked', 'this visit already holds a booking');
    }
    const id = ulid(now.getTime());
    for (let attempt = 0; ; attempt++) {
      const ref = 'B' + Array.from({ length: 4 }, () => REF_ALPHABET[randomInt(REF_ALPHABET.length)]).join('');
      try {
        this.db
          .prepare(
            "INSERT INTO store_bookings (id, ref, slot_start, slot_minutes, visit_id, visitor_id, state, booked_at) VALUES (?, ?, ?, ?, ?, ?, 'booked', ?)",
          )
          .run(id, ref, slotStart, slot.minutes, visitId, visitorId, now.toISOString());
        return this.get(id)!;
      } catch (err) {
        const msg = (err as Error).message ?? '';
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && msg.includes('slot_start')) {
          throw new StoreError('store.slot_taken', `${slotStart} was just booked by someone else`, { retryable: false });
        }
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && msg.includes('ref') && attempt < 5) continue;
        throw err;
      }
    }
  }

  /** Staff: cancels a booking; its slot is free again at once. */
  cancel(bookingId: string, now = new Date()): BookingRow {
    const changed = this.db
      .prepare("UPDATE store_bookings SET state = 'cancelled', cancelled_at = ? WHERE id = ? AND state = 'booked'")
      .run(now.toISOString(), bookingId).changes;
    const row = this.get(bookingId);
    if (!row) throw new StoreError('store.unknown_booking', `no booking ${bookingId}`);
    if (changed === 0 && row.state !== 'cancelled') throw new StoreError('store.unknown_booking', `booking ${bookingId} not cancellable`);
    return row;
  }

  /** Staff: bookings from today through the booking window (cancelled ones too, marked). */
  list(now = new Date()): BookingRow[] {
    const today = seoulDay(now);
    const until = addDays(today, this.days);
    return (
      this.db
        .prepare(
          `SELECT b.id FROM store_bookings b WHERE b.slot_start >= ? AND b.slot_start < ? ORDER BY b.slot_start, b.booked_at`,
        )
        .pluck()
        .all(today, until) as string[]
    ).map((id) => this.get(id)!);
  }

  get(bookingId: string): BookingRow | null {
    const r = this.db
      .prepare(
        `SELECT b.id, b.ref, b.slot_start, b.slot_minutes, b.state, b.booked_at, v.nickname
         FROM store_bookings b LEFT JOIN store_visitors v ON v.id = b.visitor_id WHERE b.id = ?`,
      )
      .get(bookingId) as
      | { id: string; ref: string; slot_start: string; slot_minutes: number; state: 'booked' | 'cancelled'; booked_at: string; nickname: string | null }
      | undefined;
    if (!r) return null;
    return { bookingId: r.id, ref: r.ref, slotStart: r.slot_start, slotMinutes: r.slot_minutes, state: r.state, bookedAt: r.booked_at, nickname: r.nickname };
  }
}
