/**
 * The check-in flow, one visit per request id (made by the screen once per
 * visitor session): consent → optional identification → self-check →
 * snack → talk now / book / skip → ticket. Every step is idempotent by the
 * request id, so a resend after a reconnect changes nothing twice.
 *
 * Declining consent still gives a snack and a ticket: the visit row then
 * holds no visitor and no self-check, only counts.
 */
import { StoreError } from './store-errors';
import { KioskError } from '../../contract/errors';
import type { ServiceContext } from '../context';
import { CRISIS_JOIN_KEY, raiseStaffAlert, raiseVisitorAlert } from '../app/staff-alerts';
import { parseSlipDocument, type SlipDocument } from '../printing/slip-document';
import { bookedOutcome } from '../printing/print-books';
import { ulid } from '../storage/ids';
import type { Bookings } from './bookings';
import { needsSelfCheck, scoreSelfCheck, type SelfCheckAnswers, type SelfCheckResult } from './self-check';
import { fromSeoulMinute, seoulDay } from './seoul-time';
import type { SnackStock } from './snack-stock';
import type { StoreConfig } from './store-config';
import { ticketSlip, type SlipLanguage } from './store-slips';
import type { TalkQueue } from './talk-queue';
import type { VenueShare } from './venue-share';
import type { VenueRecognition } from './venue-recognition';
import type { Identified, VenueIdentify, VisitorRegistry } from './visitors';

/** How long the screen waits for the ticket before saying it is delayed. */
export const TICKET_WAIT_MS = 20_000;

export interface StorePrinter {
  submit(doc: SlipDocument, meta: { kind: string; ref?: string }): { jobId: string; state: string };
  waitForJob(jobId: string, timeoutMs: number): Promise<{ jobId: string; state: string }>;
  ready(): boolean;
}

export interface CheckInDeps {
  ctx: Pick<ServiceContext, 'db' | 'kioskId' | 'config' | 'logger' | 'record' | 'push'>;
  store: StoreConfig;
  visitors: VisitorRegistry;
  stock: SnackStock;
  queue: TalkQueue;
  bookings: Bookings;
  printer: StorePrinter;
  /**
   * The venue's hub, when the kiosk has one: shared ticket numbers and calendar. None: this kiosk alone, as always.
   * Asked at each visit, so a kiosk paired from the console serves its next visitor from the venue.
   */
  venue?: () => VenueShare | undefined;
  /** Recognising visitors first seen at another kiosk of the venue (with a hub). None: this kiosk's own visitors only. */
  recognition?: VenueRecognition;
  now?: () => Date;
}

interface VisitRow {
  id: string;
  request_id: string;
  day: string;
  at: string;
  consent: number;
  visitor_id: string | null;
  is_return: number;
  talk: string | null;
  print_job_id: string | null;
  print_state: string | null;
}

export type PrintOutcome = 'printed' | 'waiting' | 'failed' | 'unknown';

export class StoreCheckIn {
  private readonly finishing = new Map<string, Promise<unknown>>();
  constructor(private readonly deps: CheckInDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private get venue(): VenueShare | undefined {
    return this.deps.venue?.();
  }

  /** Consent given or declined: the visit begins (or its consent changes, before the ticket). */
  start(requestId: string, consent: boolean) {
    const { ctx } = this.deps;
    const now = this.now();
    return ctx.db.transaction(() => {
      const existing = this.visitOf(requestId);
      if (existing) {
        if (existing.print_job_id) return { visitId: existing.id, consent: existing.consent === 1 };
        if (!consent) this.forgetVisitPersonal(existing.id);
        ctx.db.prepare('UPDATE store_visits SET consent = ? WHERE id = ?').run(consent ? 1 : 0, existing.id);
        return { visitId: existing.id, consent };
      }
      const id = ulid(now.getTime());
      ctx.db
        .prepare('INSERT INTO store_visits (id, request_id, kiosk_id, day, at, consent) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, requestId, ctx.kioskId, seoulDay(now), now.toISOString(), consent ? 1 : 0);
      ctx.record('store.visit_started', { visitId: id, consent });
      return { visitId: id, consent };
    }).immediate();
  }

  /**
   * Nickname and phone (with consent only): a returning visitor is recognised.
   * The phone is never returned or logged. With a venue hub, a number this
   * kiosk does not know is asked of the venue first (about a second at most:
   * a slow or absent hub makes it a first visit here, nothing more).
   */
  identify(requestId: string, nickname: string, phone: string) {
    const visit = this.requireVisit(requestId);
    if (visit.consent !== 1) throw new StoreError('store.no_consent', 'identification needs consent');
    const recognition = this.deps.recognition;
    const keys = recognition?.keysFor(nickname, phone) ?? null;
    if (!recognition || !keys) return this.identified(visit, this.deps.visitors.identify(phone, nickname, this.now()), false);
    return this.identifyInVenue(recognition, visit, nickname, phone, keys);
  }

  private async identifyInVenue(recognition: VenueRecognition, visit: VisitRow, nickname: string, phone: string, keys: VenueIdentify['keys']) {
    // Only a number unknown here, and not one being probed, is asked of the venue.
    const recalled = this.deps.visitors.knownHere(phone, this.now()) === 'unknown' ? await recognition.recall(keys.lookup) : null;
    const who = this.deps.visitors.identify(phone, nickname, this.now(), { keys, recalled });
    const answer = this.identified(visit, who, true);
    recognition.changed();
    return answer;
  }

  private identified(visit: VisitRow, who: Identified, venue: boolean) {
    const now = this.now();
    this.deps.ctx.db.prepare('UPDATE store_visits SET visitor_id = ?, is_return = ? WHERE id = ?').run(who.visitorId, who.returning ? 1 : 0, visit.id);
    this.deps.ctx.record('store.identified', { visitId: visit.id, returning: who.returning, ...(venue ? { fromVenue: who.fromVenue === true } : {}) });
    const hasThisVisit = this.deps.ctx.db.prepare('SELECT 1 FROM store_self_checks WHERE visit_id = ?').get(visit.id) !== undefined;
    return {
      returning: who.returning,
      needsSelfCheck: !hasThisVisit && needsSelfCheck(who.lastSelfCheckAt, now, this.deps.store.selfCheckEveryDays),
    };
  }

  /** Stores the answers (consent only) and gives the kind reading of them. */
  selfCheck(requestId: string, answers: SelfCheckAnswers): SelfCheckResult {
    const visit = this.requireVisit(requestId);
    if (visit.consent !== 1) throw new StoreError('store.no_consent', 'the self-check is stored only with consent');
    const result = scoreSelfCheck(answers);
    const at = this.now().toISOString();
    this.deps.ctx.db
      .prepare(
        `INSERT INTO store_self_checks (id, visit_id, visitor_id, at, companionship, left_out, isolated, contact, helper, ucla_score, suggest_talk)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (visit_id) DO UPDATE SET at = excluded.at, companionship = excluded.companionship, left_out = excluded.left_out,
           isolated = excluded.isolated, contact = excluded.contact, helper = excluded.helper, ucla_score = excluded.ucla_score,
           suggest_talk = excluded.suggest_talk`,
      )
      .run(ulid(), visit.id, visit.visitor_id, at, answers.companionship, answers.leftOut, answers.isolated, answers.contact ? 1 : 0, answers.helper ? 1 : 0, result.uclaScore, result.suggestTalk ? 1 : 0);
    this.deps.ctx.record('store.self_checked', { visitId: visit.id, level: result.level });
    if (visit.visitor_id && this.deps.recognition) {
      this.deps.visitors.selfChecked(visit.visitor_id, this.now());
      this.deps.recognition.changed();
    }
    return result;
  }

  snacks() {
    return {
      perVisit: this.deps.store.snacksPerVisit,
      items: this.deps.stock.list().map((s) => ({ itemId: s.itemId, name: s.name, stock: s.stock, available: s.stock > 0 })),
    };
  }

  /**
   * The visit's whole snack choice (up to `snacksPerVisit`): what it held is
   * put back and the new choice taken in one transaction, so a visitor who
   * changes their mind never holds two, and one who loses a race holds none.
   */
  chooseSnacks(requestId: string, itemIds: string[]) {
    const { ctx, stock, store } = this.deps;
    const visit = this.requireVisit(requestId);
    if (visit.print_job_id) throw new StoreError('store.visit_finished', 'the ticket is already printed');
    if (itemIds.length > store.snacksPerVisit) throw new StoreError('store.snack_limit', `at most ${store.snacksPerVisit} per visit`);
    const now = this.now();
    // IMMEDIATE: the release reads before it writes, and a deferred read-then-write loses to another kiosk's commit with SQLITE_BUSY.
    // The events go in the same transaction (put back, then taken), so the event log adds up to the stock even when
    // the host is killed mid-choice; a re-choice after a reconnect is not a second snack.
    const { lefts } = ctx.db.transaction(() => {
      const released = stock.releaseAll(visit.id, now);
      for (const { itemId, left } of released) ctx.record('store.snack_released', { visitId: visit.id, itemId, left });
      const lefts = itemIds.map((itemId) => ({ itemId, left: stock.take(visit.id, itemId, now) }));
      for (const { itemId, left } of lefts) ctx.record('store.snack_taken', { visitId: visit.id, itemId, left });
      return { lefts };
    }).immediate();
    for (const { itemId, left } of lefts) {
      const row = stock.list().find((s) => s.itemId === itemId);
      if (row && left === row.lowThreshold) this.safely(() => raiseStaffAlert(ctx, 'low_stock', { source: 'store', itemId, stock: left }));
    }
    return { itemIds, items: this.snacks().items };
  }

  /** Before joining: how many wait, and about how long. */
  queueStatus() {
    const day = seoulDay(this.now());
    const venue = this.venue;
    if (venue) return this.venueQueueStatus(venue, day);
    const waiting = this.deps.queue.ahead(day);
    return { waiting, estimatedMinutes: this.estimate(waiting) };
  }

  /** With a hub: everyone waiting at the venue, whichever kiosk they came through (this kiosk's own count when the hub does not answer). */
  private async venueQueueStatus(venue: VenueShare, day: string) {
    const tickets = await venue.queue(day);
    const waiting = tickets ? tickets.filter((t) => t.state === 'waiting' || t.state === 'called').length : this.deps.queue.ahead(day);
    return { waiting, estimatedMinutes: this.estimate(waiting) };
  }

  talkNow(requestId: string) {
    const { ctx, queue } = this.deps;
    const visit = this.requireVisit(requestId);
    const entry = queue.join(visit.id, ctx.kioskId, this.now());
    ctx.db.prepare("UPDATE store_visits SET talk = 'now' WHERE id = ?").run(visit.id);
    const venue = this.venue;
    if (venue) return this.venueTicket(venue, visit.id, entry);
    const ahead = queue.ahead(entry.day, entry.number);
    ctx.record('store.queue_joined', { visitId: visit.id, entryId: entry.entryId, number: entry.number });
    return { number: entry.number, ahead, estimatedMinutes: this.estimate(ahead) };
  }

  /**
   * The venue's number for this entry (once: a second tap gets the same), or
   * when the hub is away this kiosk's own block, "A-12", said on the ticket;
   * that ticket joins the venue queue in arrival order when its event reaches the hub.
   */
  private async venueTicket(venue: VenueShare, visitId: string, entry: { entryId: string; number: number; day: string }) {
    const { ctx, queue } = this.deps;
    const labelOf = () => ctx.db.prepare('SELECT ticket_label FROM store_queue WHERE id = ?').pluck().get(entry.entryId) as string | null;
    let label = labelOf();
    let ahead: number | null = null;
    if (!label) {
      const t = await venue.ticket(entry.entryId, entry.day);
      ctx.db.prepare('UPDATE store_queue SET ticket_label = ? WHERE id = ? AND ticket_label IS NULL').run(t ? t.label : `${venue.offlineLetter()}-${entry.number}`, entry.entryId);
      label = labelOf()!;
      ahead = t?.ahead ?? null;
      ctx.record('store.queue_joined', { visitId, entryId: entry.entryId, number: entry.number, label });
    }
    const offline = !/^\d+$/.test(label);
    // A second tap, or a ticket from the offline block that has reached the hub: the venue's count when it answers.
    if (ahead === null) ahead = await venue.ahead(entry.entryId, entry.day);
    ahead ??= queue.ahead(entry.day, entry.number);
    return { number: offline ? entry.number : Number(label), label, offline, ahead, estimatedMinutes: this.estimate(ahead) };
  }

  slots() {
    const slots = this.deps.bookings.slots(this.now());
    const venue = this.venue;
    if (!venue) return { slots };
    return this.venueSlots(venue, slots);
  }

  /** With a hub: a slot another kiosk's visitor holds is shown taken here too (hub away: this kiosk's own view). */
  private async venueSlots(venue: VenueShare, slots: ReturnType<Bookings['slots']>) {
    const taken = await venue.takenSlots();
    if (taken) {
      const held = new Set(taken.map((t) => new Date(t).getTime()));
      for (const s of slots) if (held.has(fromSeoulMinute(s.start).getTime())) s.free = false;
    }
    return { slots };
  }

  book(requestId: string, slotStart: string) {
    const { ctx, bookings } = this.deps;
    const visit = this.requireVisit(requestId);
    const b = bookings.book(visit.id, visit.consent === 1 ? visit.visitor_id : null, slotStart, this.now());
    const venue = this.venue;
    if (venue) return this.venueBook(venue, visit.id, b);
    ctx.db.prepare("UPDATE store_visits SET talk = 'book' WHERE id = ?").run(visit.id);
    ctx.record('store.booked', { visitId: visit.id, bookingId: b.bookingId, slotStart: b.slotStart });
    return { ref: b.ref, slotStart: b.slotStart, minutes: b.slotMinutes };
  }

  /**
   * One calendar for the venue: the hub decides between kiosks. Taken
   * elsewhere: this kiosk's hold goes and the visitor is offered other times
   * (`store.slot_taken`, as for a local race). Hub away: booked here as
   * pending; a clash found on reconnection becomes a staff alert on the hub.
   */
  private async venueBook(venue: VenueShare, visitId: string, b: { bookingId: string; ref: string; slotStart: string; slotMinutes: number }) {
    const { ctx, bookings } = this.deps;
    const claim = await venue.claimSlot(b.bookingId, fromSeoulMinute(b.slotStart).toISOString());
    if (claim === 'taken') {
      bookings.cancel(b.bookingId, this.now());
      throw new KioskError('store.slot_taken', `${b.slotStart} was just booked at another kiosk`, { retryable: false });
    }
    if (claim === 'offline') {
      ctx.db
        .prepare("INSERT OR IGNORE INTO hub_pending (id, kind, ref, payload, at) VALUES (?, 'booking', ?, ?, ?)")
        .run(ulid(), b.bookingId, JSON.stringify({ slotStart: b.slotStart }), this.now().toISOString());
    }
    ctx.db.prepare("UPDATE store_visits SET talk = 'book' WHERE id = ?").run(visitId);
    ctx.record('store.booked', { visitId, bookingId: b.bookingId, slotStart: b.slotStart });
    return { ref: b.ref, slotStart: b.slotStart, minutes: b.slotMinutes, pending: claim === 'offline' };
  }

  /** The ticket: printed once per visit, whatever the taps; the screen shows the same facts. */
  finish(requestId: string, language: SlipLanguage) {
    const running = this.finishing.get(requestId) as ReturnType<StoreCheckIn['runFinish']> | undefined;
    if (running) return running;
    const p = this.runFinish(requestId, language).finally(() => this.finishing.delete(requestId));
    this.finishing.set(requestId, p);
    return p;
  }

  private async runFinish(requestId: string, language: SlipLanguage) {
    const { ctx, printer, stock, store } = this.deps;
    const visit = this.requireVisit(requestId);
    const now = this.now();
    const queueRow = ctx.db.prepare('SELECT id, day, number, ticket_label FROM store_queue WHERE visit_id = ?').get(visit.id) as
      | { id: string; day: string; number: number; ticket_label: string | null }
      | undefined;
    const bookingRow = ctx.db.prepare("SELECT ref, slot_start, slot_minutes FROM store_bookings WHERE visit_id = ? AND state = 'booked'").get(visit.id) as
      | { ref: string; slot_start: string; slot_minutes: number }
      | undefined;
    // With a hub, "people ahead" on the slip is the venue's count (every kiosk's visitors); this kiosk's own when the hub does not answer.
    const venue = this.venue;
    const venueAhead = queueRow && venue ? await venue.ahead(queueRow.id, queueRow.day) : null;
    const queue = queueRow ? { number: queueRow.number, ahead: venueAhead ?? this.deps.queue.ahead(queueRow.day, queueRow.number), ...venueLabel(queueRow.ticket_label) } : null;
    const booking = bookingRow ? { ref: bookingRow.ref, slotStart: bookingRow.slot_start, minutes: bookingRow.slot_minutes } : null;
    const snacks = stock.taken(visit.id).map((itemId) => ({ itemId, name: stock.name(itemId) ?? { ko: itemId, en: itemId } }));
    const facts = {
      queue: queue ? { ...queue, estimatedMinutes: this.estimate(queue.ahead) } : null,
      booking,
      snacks,
      hours: store.hours,
    };
    if (visit.print_job_id) {
      return { ...facts, print: { jobId: visit.print_job_id, outcome: outcomeOf(visit.print_state ?? 'waiting') } };
    }
    if (!visit.talk) ctx.db.prepare("UPDATE store_visits SET talk = 'skip' WHERE id = ?").run(visit.id);
    let print: { jobId: string | null; outcome: PrintOutcome } = { jobId: null, outcome: 'failed' };
    try {
      const doc = parseSlipDocument(
        ticketSlip({ venueName: ctx.config.venue.name, hours: store.hours, issuedAt: now, queue, booking, snacks: snacks.map((s) => s.name), language }),
      );
      const job = printer.submit(doc, { kind: 'store-ticket', ref: visit.id });
      ctx.db.prepare('UPDATE store_visits SET print_job_id = ? WHERE id = ?').run(job.jobId, visit.id);
      const done = await printer.waitForJob(job.jobId, TICKET_WAIT_MS);
      print = { jobId: job.jobId, outcome: outcomeOf(done.state) };
    } catch (err) {
      ctx.logger.error('check-in ticket print failed', { visitId: visit.id, err });
    }
    ctx.db.prepare('UPDATE store_visits SET print_state = ?, completed_at = ? WHERE id = ?').run(bookedOutcome(ctx.db, print), now.toISOString(), visit.id);
    ctx.record('store.completed', { visitId: visit.id, printJobId: print.jobId, printOutcome: print.outcome });
    return { ...facts, print };
  }

  /** "지금 많이 힘들어요": staff are alerted at once, once per visit session. */
  crisis(requestId: string) {
    const { ctx } = this.deps;
    const prior = ctx.db.prepare('SELECT alert_id FROM store_crisis_requests WHERE request_id = ?').pluck().get(requestId) as string | undefined;
    if (prior) return { alertId: prior };
    // A repeat within the visit joins the open crisis alert; on a full disk it still reaches staff.
    const { alertId } = raiseVisitorAlert(ctx, 'crisis', { source: 'store' }, {
      joinKey: CRISIS_JOIN_KEY,
      now: this.now(),
      also: (id) => {
        ctx.db
          .prepare('INSERT OR IGNORE INTO store_crisis_requests (request_id, kiosk_id, at, alert_id) VALUES (?, ?, ?, ?)')
          .run(requestId, ctx.kioskId, this.now().toISOString(), id);
        ctx.record('store.crisis', { requestId, alertId: id });
      },
    });
    return { alertId };
  }

  private estimate(ahead: number): number {
    return Math.ceil((ahead * this.deps.store.talkMinutes) / this.deps.store.counselorsOnDuty);
  }

  private visitOf(requestId: string): VisitRow | undefined {
    return this.deps.ctx.db.prepare('SELECT * FROM store_visits WHERE request_id = ?').get(requestId) as VisitRow | undefined;
  }

  private requireVisit(requestId: string): VisitRow {
    const v = this.visitOf(requestId);
    if (!v) throw new StoreError('store.no_visit', 'start the check-in first');
    return v;
  }

  /** Consent withdrawn mid-visit: the visit keeps no link to a visitor and no answers. */
  private forgetVisitPersonal(visitId: string) {
    this.deps.ctx.db.prepare('DELETE FROM store_self_checks WHERE visit_id = ?').run(visitId);
    this.deps.ctx.db.prepare('UPDATE store_visits SET visitor_id = NULL, is_return = 0 WHERE id = ?').run(visitId);
    this.deps.ctx.db.prepare("UPDATE store_bookings SET visitor_id = NULL WHERE visit_id = ?").run(visitId);
  }

  private safely(fn: () => void) {
    try {
      fn();
    } catch (err) {
      this.deps.ctx.logger.error('store bookkeeping failed', { err });
    }
  }
}

/** A venue ticket ("37") or an offline block one ("A-12"); nothing without a hub. */
function venueLabel(label: string | null): { label?: string; offline?: boolean; number?: number } {
  if (!label) return {};
  return /^\d+$/.test(label) ? { label, offline: false, number: Number(label) } : { label, offline: true };
}

function outcomeOf(state: string): PrintOutcome {
  if (state === 'printed' || state === 'failed' || state === 'unknown') return state;
  return 'waiting';
}
