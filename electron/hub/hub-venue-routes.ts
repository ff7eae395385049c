/**
 * The venue's queue and snack count as routes: a kiosk's console reaches the
 * venue's queue with its device credential (`/v1/venue-queue*`); the hub's
 * own `/staff` calls, marks and restocks with a staff PIN (`/v1/queue/*`,
 * `/v1/snacks*`, rules in `hub-access.ts`, acting ones recorded by the door
 * in `staff_actions`). The work is `venue-queue-calls.ts` and `snack-shares.ts`.
 */
import type pg from 'pg';
import { z } from 'zod';
import type { HubStaffRoute } from './hub-access';
import type { HubDevice } from './hub-staff';
import { KIOSK_ID, type KioskPrincipal } from './pairing';
import { restockVenueSnacks, venueSnacks } from './snack-shares';
import { callNextTicket, markTicket, venueTickets } from './venue-queue-calls';

type Parse = <T>(schema: z.ZodType<T>, body: unknown) => T;
type VenueStaffRoute = Extract<HubStaffRoute, `${string} /v1/queue/${string}` | `${string} /v1/snacks${string}`>;
type VenueKioskRoute = 'POST /v1/venue-queue' | 'POST /v1/venue-queue/call-next' | 'POST /v1/venue-queue/mark';

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');
const venue = z.string().min(1).max(80);
const mark = z.object({ kioskId: z.string().regex(KIOSK_ID), entryId: z.string().min(1).max(64), outcome: z.enum(['talked', 'no_show']) }).strict();
/** A delivery (`add`) or a count of the venue's stock (`set`), one of the two. */
const restock = z
  .object({ venue, itemId: z.string().min(1).max(64), add: z.number().int().min(1).max(100_000).optional(), set: z.number().int().min(0).max(100_000).optional() })
  .strict()
  .refine((b) => (b.add === undefined) !== (b.set === undefined), 'give either add (units delivered) or set (units counted), not both');
const seoulDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(at);

interface Deps {
  pool: pg.Pool;
  now: () => Date;
  parse: Parse;
}

/** A kiosk's console on the venue's queue: the day's tickets, call next, mark (whichever kiosk issued the ticket). */
export function venueKioskRoutes({ pool, now, parse }: Deps): Record<VenueKioskRoute, (who: KioskPrincipal, body: unknown) => Promise<unknown>> {
  return {
    'POST /v1/venue-queue': async (who, body) => ({ tickets: await venueTickets(pool, who.venue, parse(z.object({ day: DAY }).strict(), body).day) }),
    'POST /v1/venue-queue/call-next': async (who, body) => ({
      ticket: await callNextTicket(pool, who.venue, parse(z.object({ day: DAY }).strict(), body).day, who.kioskId, now()),
    }),
    'POST /v1/venue-queue/mark': async (who, body) => {
      const b = parse(mark, body);
      return { ticket: await markTicket(pool, who.venue, b.kioskId, b.entryId, b.outcome, who.kioskId, now()) };
    },
  };
}

/** The hub's own console: who pressed is the enrolled device (the PIN's id is in staff_actions). */
export function venueStaffRoutes({ pool, now, parse }: Deps): Record<VenueStaffRoute, (q: URLSearchParams, body: unknown, device: HubDevice) => Promise<unknown>> {
  return {
    'POST /v1/queue/call-next': async (_q, body, device) => {
      const b = parse(z.object({ venue, day: DAY.optional() }).strict(), body);
      return { ticket: await callNextTicket(pool, b.venue, b.day ?? seoulDay(now()), `hub:${device.name}`, now()) };
    },
    'POST /v1/queue/mark': async (_q, body, device) => {
      const b = parse(mark.extend({ venue }), body);
      return { ticket: await markTicket(pool, b.venue, b.kioskId, b.entryId, b.outcome, `hub:${device.name}`, now()) };
    },
    'GET /v1/snacks': async (q) => ({ items: await venueSnacks(pool, q.get('venue') ?? '') }),
    'POST /v1/snacks/restock': async (_q, body) => {
      const b = parse(restock, body);
      return { item: await restockVenueSnacks(pool, b.venue, b.itemId, b.add !== undefined ? { add: b.add } : { set: b.set! }) };
    },
  };
}
