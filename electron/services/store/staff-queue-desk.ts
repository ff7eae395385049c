/**
 * The staff console's counseling queue, with or without a venue hub.
 *
 * Alone, the kiosk's own queue (`talk-queue.ts`), as always. With a hub the
 * queue is the venue's: the console lists every kiosk's tickets, "call next"
 * calls the venue's earliest waiting ticket whichever kiosk issued it (the
 * hub decides, once, between consoles pressing together), and talked or
 * no-show is marked on the hub. A decision about this kiosk's own ticket is
 * taken into its queue at once and recorded with `by: 'venue'` (the hub
 * holds it already); the kiosk that issued a ticket called elsewhere hears it
 * with its next heartbeat (`applyVenueDecisions`). When the hub does not
 * answer, the console works on this kiosk's own queue and says so
 * (`hubAway`); those decisions reach the hub with the kiosk's events.
 */
import type { ServiceContext } from '../context';
import { StoreError } from './store-errors';
import type { QueueEntry, QueueState, TalkQueue } from './talk-queue';
import type { VenueQueueTicket, VenueShare, VenueTicketState } from './venue-share';

export interface QueueAnswer {
  /** 'venue': the hub's queue (every kiosk's tickets); 'kiosk': this kiosk's own. Absent without a hub. */
  source?: 'venue' | 'kiosk';
  /** A hub is set but did not answer: this kiosk's own queue only, for now. */
  hubAway?: boolean;
}

type Ctx = Pick<ServiceContext, 'kioskId' | 'record'>;

export class StaffQueueDesk {
  constructor(
    private readonly ctx: Ctx,
    private readonly queue: TalkQueue,
    private readonly venue: () => VenueShare | undefined,
  ) {}

  async list(day: string): Promise<QueueAnswer & { entries: QueueEntry[] }> {
    const venue = this.venue();
    const local = this.queue.list(day);
    if (!venue) return { entries: local };
    const tickets = await venue.queue(day);
    if (!tickets) return { entries: local, source: 'kiosk', hubAway: true };
    const mine = new Map(local.map((e) => [e.entryId, e]));
    return { entries: tickets.map((t) => this.entryOf(t, mine.get(t.entryId))), source: 'venue' };
  }

  async callNext(day: string, now: Date): Promise<QueueAnswer & { entry: QueueEntry | null }> {
    const venue = this.venue();
    if (venue) {
      const r = await venue.callNext(day);
      if (r) return { entry: r.ticket ? this.adopt(r.ticket) : null, source: 'venue' };
    }
    const entry = this.queue.callNext(day, now);
    if (entry) this.ctx.record('store.queue_changed', { entryId: entry.entryId, number: entry.number, state: entry.state });
    return venue ? { entry, source: 'kiosk', hubAway: true } : { entry };
  }

  /** `kioskId`: the kiosk that issued the ticket (another kiosk's only with a hub); this kiosk's by default. */
  async mark(entryId: string, outcome: 'talked' | 'no_show', now: Date, kioskId?: string): Promise<QueueAnswer & { entry: QueueEntry }> {
    const venue = this.venue();
    const owner = kioskId ?? this.ctx.kioskId;
    const t = venue ? await venue.mark(owner, entryId, outcome) : null;
    if (t && t !== 'unknown') return { entry: this.adopt(t), source: 'venue' };
    if (owner !== this.ctx.kioskId) {
      if (t === 'unknown') throw new StoreError('store.unknown_queue_entry', `the venue has no ticket ${entryId} from ${owner}`);
      throw new StoreError('store.venue_unreachable', `the hub did not answer: ${owner}'s ticket cannot be changed from here now`, { retryable: true });
    }
    // This kiosk's own ticket: marked here; the decision reaches the hub with the events (with the ticket itself when that is on its way too).
    const entry = this.queue.mark(entryId, outcome, now);
    this.ctx.record('store.queue_changed', { entryId, number: entry.number, state: entry.state });
    if (!venue) return { entry };
    return t === 'unknown' ? { entry, source: 'kiosk' } : { entry, source: 'kiosk', hubAway: true };
  }

  /** The hub's answer as a console row; this kiosk's own ticket is taken into its queue (and recorded) first. */
  private adopt(t: VenueQueueTicket): QueueEntry {
    if (t.kioskId === this.ctx.kioskId) {
      const changed = takeDecision(this.ctx, this.queue, t);
      return this.entryOf(t, changed ?? this.queue.get(t.entryId) ?? undefined);
    }
    return this.entryOf(t, undefined);
  }

  private entryOf(t: VenueQueueTicket, local: QueueEntry | undefined): QueueEntry {
    return {
      entryId: t.entryId,
      number: t.number ?? local?.number ?? trailingNumber(t.label),
      label: t.label,
      state: t.state,
      joinedAt: t.joinedAt,
      calledAt: t.calledAt,
      doneAt: t.doneAt,
      kioskId: t.kioskId,
      // Only the kiosk that issued a ticket knows the nickname (it never travels).
      nickname: local?.nickname ?? null,
    };
  }
}

const RANK: Record<VenueTicketState, number> = { waiting: 0, called: 1, talked: 2, no_show: 2 };

/** The hub's decision taken into this kiosk's queue and recorded (`by: 'venue'`: the hub holds it already). */
function takeDecision(ctx: Ctx, queue: TalkQueue, t: Pick<VenueQueueTicket, 'entryId' | 'state' | 'calledAt' | 'doneAt'>): QueueEntry | null {
  const entry = queue.applyDecision(t.entryId, t.state as QueueState, t.calledAt, t.doneAt);
  if (entry) ctx.record('store.queue_changed', { entryId: entry.entryId, number: entry.number, state: entry.state, by: 'venue' });
  return entry;
}

export interface VenueDecision {
  entryId: string;
  state: VenueTicketState;
  calledAt: string | null;
  doneAt: string | null;
  /** Decided by this kiosk itself through the hub. */
  byThisKiosk: boolean;
}

/**
 * The heartbeat's news about this kiosk's tickets: what staff decided on the
 * hub or another kiosk's console. The hub's decision wins over this kiosk's
 * at the same step or behind it; a decision of this kiosk's that is further
 * along (made while the hub was away, still on its way up) stays, and the
 * hub takes it when it arrives. Returns how many entries changed.
 */
export function applyVenueDecisions(ctx: Ctx, queue: TalkQueue, decided: VenueDecision[]): number {
  let changed = 0;
  for (const d of decided) {
    const local = queue.get(d.entryId);
    if (!local || local.state === d.state) continue;
    const ahead = RANK[local.state] - RANK[d.state];
    if (ahead > 0 || (ahead === 0 && d.byThisKiosk)) continue;
    if (takeDecision(ctx, queue, d)) changed++;
  }
  return changed;
}

/** "B-2" → 2 (a ticket from an offline block has no venue number). */
function trailingNumber(label: string): number {
  const m = /(\d+)$/.exec(label);
  return m ? Number(m[1]) : 0;
}
