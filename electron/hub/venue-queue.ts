/**
 * One counseling queue for the venue. The hub gives each ticket the next
 * number of the venue's day in one statement (`ticket_days` row lock), so
 * kiosks asking at the same instant get distinct numbers. Asking twice for
 * the same queue entry (a retry after a lost reply) returns the same ticket.
 * Tickets a kiosk issued from its own offline block arrive with its events
 * (`ingest.ts`) and join the queue in the order they were issued. Calling
 * and marking tickets is `venue-queue-calls.ts`.
 */
import type pg from 'pg';
import type { KioskPrincipal } from './pairing';

/** How many of the venue's queue wait before this kiosk's entry now; null when the hub does not hold that ticket (yet). */
export async function ticketsAhead(pool: pg.Pool, who: KioskPrincipal, entryId: string, day: string): Promise<{ ahead: number | null }> {
  const r = await pool.query<{ n: string; known: boolean }>(
    `SELECT COUNT(t.*) FILTER (WHERE t.state IN ('waiting', 'called') AND (t.joined_at, t.kiosk_id, t.entry_id) < (m.joined_at, m.kiosk_id, m.entry_id)) AS n, bool_or(m.entry_id IS NOT NULL) AS known
     FROM (SELECT joined_at, kiosk_id, entry_id FROM tickets WHERE kiosk_id = $3 AND entry_id = $4) m
     LEFT JOIN tickets t ON t.venue = $1 AND t.day = $2`,
    [who.venue, day, who.kioskId, entryId],
  );
  const row = r.rows[0];
  return { ahead: row?.known ? Number(row.n) : null };
}

/** The ticket, and how many of the venue's queue wait before it (every kiosk's tickets, in arrival order). */
export async function issueTicket(pool: pg.Pool, who: KioskPrincipal, entryId: string, day: string, now = new Date()): Promise<{ number: number; label: string; ahead: number }> {
  const t = await takeNumber(pool, who, entryId, day, now);
  const ahead = await pool.query<{ n: string }>(
    `SELECT COUNT(*) AS n FROM tickets WHERE venue = $1 AND day = $2 AND state IN ('waiting', 'called')
     AND (joined_at, kiosk_id, entry_id) < (SELECT joined_at, kiosk_id, entry_id FROM tickets WHERE kiosk_id = $3 AND entry_id = $4)`,
    [who.venue, day, who.kioskId, entryId],
  );
  return { ...t, ahead: Number(ahead.rows[0].n) };
}

async function takeNumber(pool: pg.Pool, who: KioskPrincipal, entryId: string, day: string, now: Date): Promise<{ number: number; label: string }> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const had = await c.query<{ number: number; label: string }>('SELECT number, label FROM tickets WHERE kiosk_id = $1 AND entry_id = $2', [who.kioskId, entryId]);
    if (had.rows[0]?.number != null) {
      await c.query('COMMIT');
      return { number: had.rows[0].number, label: had.rows[0].label };
    }
    const n = (
      await c.query<{ last: number }>(
        `INSERT INTO ticket_days (venue, day, last) VALUES ($1, $2, 1)
         ON CONFLICT (venue, day) DO UPDATE SET last = ticket_days.last + 1 RETURNING last`,
        [who.venue, day],
      )
    ).rows[0].last;
    // Arrival is stamped here, while the day's counter row is locked: tickets issued at the same
    // moment then arrive in the order of their numbers, so "people ahead" of a ticket does not
    // change when a slower request for a smaller number commits after it (a caller's `now`,
    // taken before the lock, could put number 12 ahead of number 11).
    await c.query(
      `INSERT INTO tickets (venue, day, kiosk_id, entry_id, number, label, joined_at, source) VALUES ($1, $2, $3, $4, $5, $6, GREATEST($7::timestamptz, clock_timestamp()), 'hub')
       ON CONFLICT (kiosk_id, entry_id) DO UPDATE SET number = excluded.number, label = excluded.label, source = 'hub'`,
      [who.venue, day, who.kioskId, entryId, n, String(n), now],
    );
    await c.query('COMMIT');
    return { number: n, label: String(n) };
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

/**
 * One calendar: a slot is booked by exactly one kiosk, the unique index
 * `bookings_one_per_slot` decides between kiosks asking at the same time.
 */
export async function claimSlot(pool: pg.Pool, who: KioskPrincipal, bookingId: string, slotStart: Date, now = new Date()): Promise<{ won: boolean }> {
  const mine = await pool.query("SELECT state FROM bookings WHERE kiosk_id = $1 AND booking_id = $2", [who.kioskId, bookingId]);
  if (mine.rows[0]) return { won: mine.rows[0].state === 'booked' };
  const r = await pool.query(
    `INSERT INTO bookings (venue, kiosk_id, booking_id, slot_start, state, booked_at) VALUES ($1, $2, $3, $4, 'booked', $5)
     ON CONFLICT (venue, slot_start) WHERE state = 'booked' DO NOTHING`,
    [who.venue, who.kioskId, bookingId, slotStart, now],
  );
  return { won: (r.rowCount ?? 0) > 0 };
}

/** Slots of the venue already taken from `from` on (a kiosk hides them from its visitors). */
export async function takenSlots(pool: pg.Pool, venue: string, from: Date): Promise<string[]> {
  const r = await pool.query<{ slot_start: Date }>("SELECT slot_start FROM bookings WHERE venue = $1 AND state = 'booked' AND slot_start >= $2 ORDER BY slot_start", [venue, from]);
  return r.rows.map((b) => b.slot_start.toISOString());
}
