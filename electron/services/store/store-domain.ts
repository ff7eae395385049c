/**
 * The Seoul Mind Convenience Store check-in as a service domain: the flow
 * on the real printer, the staff-side methods, and the retention purge
 * (once at start, then daily).
 */
import { StoreError } from './store-errors';
import { z } from 'zod';
import { KioskError } from '../../contract/errors';
import type { DomainModule, ServiceContext, ServiceDomain } from '../context';
import { Bookings } from './bookings';
import { StoreCheckIn, type StorePrinter } from './check-in';
import { followSlipOutcomes } from '../printing/print-books';
import { FileKeyStore, type KeyStore } from './key-store';
import { seoulDay } from './seoul-time';
import { SnackStock } from './snack-stock';
import { TalkQueue } from './talk-queue';
import { isMobileNumber, normalizePhone, VisitorCrypto } from './visitor-crypto';
import { VisitorRegistry } from './visitors';
import { VenueSlot, type VenueShare } from './venue-share';
import type { VenueRecognition } from './venue-recognition';
import { StaffQueueDesk } from './staff-queue-desk';

const id = z.string();
const DAY_MS = 86_400_000;

export const storeEventSchemas = {
  'store.visit_started': z.object({ visitId: id, consent: z.boolean() }),
  // fromVenue: with a hub, whether a returning visitor was first seen at another kiosk of the venue.
  'store.identified': z.object({ visitId: id, returning: z.boolean(), fromVenue: z.boolean().optional() }),
  'store.self_checked': z.object({ visitId: id, level: z.enum(['gentle', 'lonely', 'talk']) }),
  'store.snack_taken': z.object({ visitId: id, itemId: id, left: z.number().int() }),
  /** A visit's earlier choice put back when it chooses again. */
  'store.snack_released': z.object({ visitId: id, itemId: id, left: z.number().int() }),
  // label: the venue ticket or this kiosk's offline block ticket, with a venue hub (the hub queues by it).
  'store.queue_joined': z.object({ visitId: id, entryId: id, number: z.number().int(), label: z.string().optional() }),
  'store.booked': z.object({ visitId: id, bookingId: id, slotStart: id }),
  'store.completed': z.object({ visitId: id, printJobId: id.nullable(), printOutcome: z.string() }),
  'store.crisis': z.object({ requestId: id, alertId: id }),
  // by 'venue': the state the venue hub decided (a console elsewhere, or this one through the hub), recorded here as it arrived.
  'store.queue_changed': z.object({ entryId: id, number: z.number().int(), state: z.string(), by: z.literal('venue').optional() }),
  'store.queue_moved': z.object({ entryId: id, direction: z.enum(['up', 'down']), moved: z.boolean() }),
  'store.booking_cancelled': z.object({ bookingId: id }),
  'store.availability_set': z.object({ slotMinutes: z.number().int() }),
  'store.restocked': z.object({ itemId: id, stock: z.number().int() }),
  'store.low_stock_set': z.object({ itemId: id, threshold: z.number().int() }),
  'store.visitor_erased': z.object({ reason: z.enum(['request', 'retention']), count: z.number().int() }),
};

export interface StoreDomainOptions {
  /** Where the visitor-data key lives; a key file under the data dir by default. Electron's main may pass a safeStorage-backed one. */
  keyStore?: KeyStore;
  /**
   * The venue hub's shared queue and calendar: composition passes a slot the
   * hub domain fills when a hub is configured, or paired from the console later.
   */
  venue?: VenueShare | VenueSlot;
  /** Recognising a visitor first seen at another kiosk of the venue (composition passes it with a hub). */
  recognition?: VenueRecognition;
  now?: () => Date;
}

export function storeDomainModule(opts: StoreDomainOptions = {}): DomainModule {
  return { eventSchemas: storeEventSchemas, create: (ctx) => createStoreDomain(ctx, opts) };
}

export function createStoreDomain(ctx: ServiceContext, opts: StoreDomainOptions = {}): ServiceDomain {
  const cfg = ctx.config.store;
  const now = () => opts.now?.() ?? new Date();
  // Erased rows are overwritten with zeros, not just unlinked: a nickname must not linger in free pages.
  ctx.db.pragma('secure_delete = ON');
  const crypto = new VisitorCrypto(opts.keyStore ?? new FileKeyStore(ctx.dataDir));
  const visitors = new VisitorRegistry(ctx.db, crypto);
  const stock = new SnackStock(ctx.db, cfg);
  stock.ensureItems(now());
  const queue = new TalkQueue(ctx.db);
  const bookings = new Bookings(ctx.db, cfg.availability, cfg.bookingDays);
  const printer = ctx.getService<StorePrinter>('printing');
  const venue = opts.venue instanceof VenueSlot ? opts.venue : new VenueSlot(opts.venue);
  const flow = new StoreCheckIn({ ctx, store: cfg, visitors, stock, queue, bookings, printer, venue: () => venue.current, recognition: opts.recognition, now });
  const desk = new StaffQueueDesk(ctx, queue, () => venue.current);
  // Finished visits keep the ticket's true outcome (a slip that printed after the screen stopped waiting); visits still in the flow are the flow's.
  const offBooks = followSlipOutcomes(ctx, (firstJobId, outcome) => {
    ctx.db
      .prepare('UPDATE store_visits SET print_state = ? WHERE print_job_id = ? AND print_state IS NOT NULL AND print_state <> ?')
      .run(outcome, firstJobId, outcome);
  });

  const purge = (): number => {
    const erased = visitors.purge(now(), cfg.retentionDays);
    if (erased > 0) {
      ctx.record('store.visitor_erased', { reason: 'retention', count: erased });
      checkpoint(ctx);
      opts.recognition?.changed();
    }
    return erased;
  };
  let timer: ReturnType<typeof setInterval> | null = null;

  const phoneDigits = (raw: string) => {
    const digits = normalizePhone(raw);
    if (!isMobileNumber(digits)) throw new StoreError('store.bad_phone', 'not a Korean mobile number');
    return digits;
  };

  return {
    name: 'store',
    service: { flow, visitors, stock, queue, bookings, purge },
    maintain: () => ({ visitorsErased: purge() }),
    start() {
      try {
        purge();
      } catch (err) {
        ctx.logger.error('store retention purge failed', { err });
      }
      timer = setInterval(() => {
        try {
          purge();
        } catch (err) {
          ctx.logger.error('store retention purge failed', { err });
        }
      }, DAY_MS);
      timer.unref?.();
    },
    stop() {
      offBooks();
      if (timer) clearInterval(timer);
      timer = null;
    },
    handlers: {
      'store.info': () => ({
        retentionDays: cfg.retentionDays,
        snacksPerVisit: cfg.snacksPerVisit,
        hours: cfg.hours,
        bookingDays: cfg.bookingDays,
        // Without paper the screen itself is the ticket (staff are alerted by printing), so check-in stays open.
        available: true,
        venueWide: opts.recognition !== undefined,
      }),
      'store.start': ({ requestId, consent }) => flow.start(requestId, consent),
      'store.identify': ({ requestId, nickname, phone }) => flow.identify(requestId, nickname, phoneDigits(phone)),
      'store.selfCheck': ({ requestId, answers }) => flow.selfCheck(requestId, answers),
      'store.snacks': () => flow.snacks(),
      'store.chooseSnacks': ({ requestId, itemIds }) => flow.chooseSnacks(requestId, itemIds),
      'store.queueStatus': () => flow.queueStatus(),
      'store.talkNow': ({ requestId }) => flow.talkNow(requestId),
      'store.slots': () => flow.slots(),
      'store.book': ({ requestId, slotStart }) => flow.book(requestId, slotStart),
      'store.finish': ({ requestId, language }) => flow.finish(requestId, language),
      'store.crisis': ({ requestId }) => flow.crisis(requestId),

      // With a venue hub, the venue's queue (staff-queue-desk.ts); alone, or while the hub is away, this kiosk's.
      'store.staffQueue': async ({ day }) => {
        const d = day ?? seoulDay(now());
        return { day: d, ...(await desk.list(d)) };
      },
      'store.staffCallNext': () => desk.callNext(seoulDay(now()), now()),
      'store.staffMarkQueue': ({ entryId, outcome, kioskId }) => desk.mark(entryId, outcome, now(), kioskId),
      'store.staffMoveQueue': ({ entryId, direction }) => {
        const moved = queue.move(entryId, direction);
        ctx.record('store.queue_moved', { entryId, direction, moved });
        return { moved, entries: queue.list(seoulDay(now())) };
      },
      'store.staffBookings': () => ({ bookings: bookings.list(now()) }),
      'store.staffCancelBooking': ({ bookingId }) => {
        const booking = bookings.cancel(bookingId, now());
        ctx.record('store.booking_cancelled', { bookingId });
        return { booking };
      },
      'store.staffAvailability': () => ({ weekly: bookings.availability() }),
      'store.staffSetAvailability': ({ weekly }) => {
        bookings.setAvailability(weekly);
        ctx.record('store.availability_set', { slotMinutes: weekly.slotMinutes });
        return { weekly: bookings.availability() };
      },
      'store.staffStock': () => ({ items: stock.list() }),
      'store.staffRestock': ({ itemId, add, set }) => {
        const left = stock.restock(itemId, { add, set }, now());
        ctx.record('store.restocked', { itemId, stock: left });
        return { itemId, stock: left };
      },
      'store.staffSetLowStock': ({ itemId, threshold }) => {
        stock.setLowThreshold(itemId, threshold);
        ctx.record('store.low_stock_set', { itemId, threshold });
        return { items: stock.list() };
      },
      'store.staffEraseVisitor': ({ phone }) => {
        const digits = phoneDigits(phone);
        // The venue forgets the number too, at every kiosk, even one this kiosk never saw it at.
        const venueKey = opts.recognition?.eraseKeyFor(digits) ?? null;
        const erased = visitors.eraseByPhone(digits, venueKey, now());
        ctx.record('store.visitor_erased', { reason: 'request', count: erased ? 1 : 0 });
        if (erased) checkpoint(ctx);
        if (venueKey) opts.recognition!.changed();
        return { erased };
      },
      'store.staffPurge': () => ({ erased: purge() }),
    },
  };
}

/** Moves erased pages out of the WAL into the (zeroed) main file, so the old page images do not outlive the erasure. */
function checkpoint(ctx: ServiceContext) {
  try {
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (err) {
    ctx.logger.warn('checkpoint after erasure failed', { err });
  }
}
