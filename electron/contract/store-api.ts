/**
 * Contract of the Seoul Mind Convenience Store (서울마음편의점) check-in.
 *
 * Visitor methods carry the session's request id (one visit per session).
 * `store.staff*` methods are the staff console's: they carry the session
 * `token`, and the door checks it and the role (`access.ts`) before they run.
 */
import { z } from 'zod';
import { staffToken as token } from './staff-token';

const localized = z.object({ ko: z.string(), en: z.string() });
const language = z.enum(['ko', 'en']);
const requestId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'a session request id');
/** Digits with optional separators; the service normalizes and checks it is a Korean mobile number. */
const phone = z.string().regex(/^[0-9+\- ]{9,20}$/, 'a phone number');
/** A friendly nickname: letters (hangul included), digits and spaces. */
const nickname = z.string().trim().min(1).max(20).regex(/^[\p{L}\p{N} ]+$/u, 'letters, digits and spaces');
const ucla = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const slotStart = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a Seoul slot start, YYYY-MM-DDTHH:MM');
const printOutcome = z.enum(['printed', 'waiting', 'failed', 'unknown']);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const spans = z.array(z.tuple([hhmm, hhmm])).max(6);
const empty = z.object({}).strict();

export const weeklyAvailabilityWire = z
  .object({ slotMinutes: z.number().int().min(10).max(240), mon: spans, tue: spans, wed: spans, thu: spans, fri: spans, sat: spans, sun: spans })
  .strict();

const snackItem = z.object({ itemId: z.string(), name: localized, stock: z.number().int(), available: z.boolean() });
const slot = z.object({ start: z.string(), minutes: z.number().int(), free: z.boolean() });
const queueEntry = z.object({
  entryId: z.string(),
  number: z.number().int(),
  state: z.enum(['waiting', 'called', 'talked', 'no_show']),
  joinedAt: z.string(),
  calledAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  kioskId: z.string(),
  /** The visitor's chosen nickname when they identified themselves with consent; never the phone. */
  nickname: z.string().nullable(),
  /** With a venue hub: the ticket as printed ("37", or "B-2" from kiosk B's offline block). */
  label: z.string().optional(),
});
/** With a venue hub: whose queue the console sees ('venue': every kiosk's), and whether the hub did not answer (this kiosk's own for now). */
const queueSource = { source: z.enum(['venue', 'kiosk']).optional(), hubAway: z.boolean().optional() };
const booking = z.object({
  bookingId: z.string(),
  ref: z.string(),
  slotStart: z.string(),
  slotMinutes: z.number().int(),
  state: z.enum(['booked', 'cancelled']),
  bookedAt: z.string(),
  nickname: z.string().nullable(),
});
const stockRow = z.object({ itemId: z.string(), name: localized, stock: z.number().int(), lowThreshold: z.number().int() });

export const storeApi = {
  'store.info': {
    input: empty,
    output: z.object({
      retentionDays: z.number().int(),
      snacksPerVisit: z.number().int(),
      hours: localized,
      bookingDays: z.number().int(),
      available: z.boolean(),
      /** With a venue hub: this kiosk recognises the venue's returning visitors (the consent says so). */
      venueWide: z.boolean().optional(),
    }),
  },
  'store.start': {
    input: z.object({ requestId, consent: z.boolean() }).strict(),
    output: z.object({ visitId: z.string(), consent: z.boolean() }),
  },
  'store.identify': {
    input: z.object({ requestId, nickname, phone }).strict(),
    output: z.object({ returning: z.boolean(), needsSelfCheck: z.boolean() }),
  },
  'store.selfCheck': {
    input: z
      .object({
        requestId,
        answers: z.object({ companionship: ucla, leftOut: ucla, isolated: ucla, contact: z.boolean(), helper: z.boolean() }).strict(),
      })
      .strict(),
    output: z.object({ uclaScore: z.number().int(), level: z.enum(['gentle', 'lonely', 'talk']), suggestTalk: z.boolean() }),
  },
  'store.snacks': {
    input: empty,
    output: z.object({ perVisit: z.number().int(), items: z.array(snackItem) }),
  },
  'store.chooseSnacks': {
    input: z.object({ requestId, itemIds: z.array(z.string().max(40)).max(3) }).strict(),
    output: z.object({ itemIds: z.array(z.string()), items: z.array(snackItem) }),
  },
  'store.queueStatus': {
    input: empty,
    output: z.object({ waiting: z.number().int(), estimatedMinutes: z.number().int() }),
  },
  'store.talkNow': {
    input: z.object({ requestId }).strict(),
    // label/offline: with a venue hub, the venue's ticket ("37") or this kiosk's offline block ("A-12").
    output: z.object({ number: z.number().int(), ahead: z.number().int(), estimatedMinutes: z.number().int(), label: z.string().optional(), offline: z.boolean().optional() }),
  },
  'store.slots': {
    input: empty,
    output: z.object({ slots: z.array(slot) }),
  },
  'store.book': {
    input: z.object({ requestId, slotStart }).strict(),
    // pending: with a venue hub that could not be reached, the hub confirms the booking later.
    output: z.object({ ref: z.string(), slotStart: z.string(), minutes: z.number().int(), pending: z.boolean().optional() }),
  },
  'store.finish': {
    input: z.object({ requestId, language }).strict(),
    output: z.object({
      queue: z.object({ number: z.number().int(), ahead: z.number().int(), estimatedMinutes: z.number().int(), label: z.string().optional(), offline: z.boolean().optional() }).nullable(),
      booking: z.object({ ref: z.string(), slotStart: z.string(), minutes: z.number().int() }).nullable(),
      snacks: z.array(z.object({ itemId: z.string(), name: localized })),
      hours: localized,
      print: z.object({ jobId: z.string().nullable(), outcome: printOutcome }),
    }),
  },
  'store.crisis': {
    input: z.object({ requestId }).strict(),
    output: z.object({ alertId: z.string() }),
  },
  // Staff console only (see the file comment).
  'store.staffQueue': {
    input: z.object({ token, day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict(),
    output: z.object({ day: z.string(), entries: z.array(queueEntry), ...queueSource }),
  },
  /** With a venue hub: the venue's earliest waiting ticket, whichever kiosk issued it. */
  'store.staffCallNext': {
    input: z.object({ token }).strict(),
    output: z.object({ entry: queueEntry.nullable(), ...queueSource }),
  },
  /** `kioskId`: the kiosk that issued the ticket, when it is another kiosk of the venue (needs the hub). */
  'store.staffMarkQueue': {
    input: z.object({ token, entryId: z.string().max(40), outcome: z.enum(['talked', 'no_show']), kioskId: z.string().max(40).optional() }).strict(),
    output: z.object({ entry: queueEntry, ...queueSource }),
  },
  /** Moves a waiting entry one place up or down today's queue (ticket numbers stay); `entries` is the day's queue in its new order. */
  'store.staffMoveQueue': {
    input: z.object({ token, entryId: z.string().max(40), direction: z.enum(['up', 'down']) }).strict(),
    output: z.object({ moved: z.boolean(), entries: z.array(queueEntry) }),
  },
  'store.staffBookings': {
    input: z.object({ token }).strict(),
    output: z.object({ bookings: z.array(booking) }),
  },
  'store.staffCancelBooking': {
    input: z.object({ token, bookingId: z.string().max(40) }).strict(),
    output: z.object({ booking }),
  },
  'store.staffAvailability': {
    input: z.object({ token }).strict(),
    output: z.object({ weekly: weeklyAvailabilityWire }),
  },
  'store.staffSetAvailability': {
    input: z.object({ token, weekly: weeklyAvailabilityWire }).strict(),
    output: z.object({ weekly: weeklyAvailabilityWire }),
  },
  'store.staffStock': {
    input: z.object({ token }).strict(),
    output: z.object({ items: z.array(stockRow) }),
  },
  'store.staffRestock': {
    input: z
      .object({ token, itemId: z.string().max(40), add: z.number().int().min(-10_000).max(10_000).optional(), set: z.number().int().min(0).max(10_000).optional() })
      .strict()
      .refine((v) => (v.add === undefined) !== (v.set === undefined), 'give add or set'),
    output: z.object({ itemId: z.string(), stock: z.number().int() }),
  },
  'store.staffSetLowStock': {
    input: z.object({ token, itemId: z.string().max(40), threshold: z.number().int().min(0).max(1000) }).strict(),
    output: z.object({ items: z.array(stockRow) }),
  },
  'store.staffEraseVisitor': {
    input: z.object({ token, phone }).strict(),
    output: z.object({ erased: z.boolean() }),
  },
  'store.staffPurge': {
    input: z.object({ token }).strict(),
    output: z.object({ erased: z.number().int() }),
  },
} as const;
