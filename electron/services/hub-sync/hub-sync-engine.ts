/**
 * The kiosk's link to one venue hub (`hub-link.ts`), run by the hub domain
 * (`hub-sync-domain.ts`) only when a hub is set; without one nothing here
 * exists, no timer, no file. It pairs once with the one-time code (from
 * `ITDA_HUB_PAIR_CODE`, retried while the hub is away, or typed in the
 * console, tried once and answered at once), then sends the outbox as events
 * are written, heartbeats every 15 s, raises a staff alert when the outbox
 * lags past the configured threshold, clears locally the alerts staff
 * acknowledged on the hub's console, and takes into its queue the tickets
 * staff called or marked elsewhere in the venue.
 */
import { z } from 'zod';
import type { ServiceContext } from '../context';
import { raiseStaffAlert } from '../app/staff-alerts';
import { HubSyncError } from './hub-sync-errors';
import { acknowledgeAlert } from '../staff/staff-alert-list';
import { HubClient, type HubCallError } from './hub-client';
import type { HubLink } from './hub-link';
import { readCredential, writeCredential, type StoredCredential } from './credential-file';
import { Outbox } from './outbox';
import { OutboxSender, realTimers, retryDelay, type Timers } from './outbox-sender';
import { KioskStatus } from './kiosk-status';
import { applySnackReply } from './snack-share';
import { VenueLink } from './venue-link';
import { VenueVisitorLink, venueVisitorSync, type VenueVisitorSync } from './venue-visitor-link';
import { applyVenueDecisions, type VenueDecision } from '../store/staff-queue-desk';
import { TalkQueue } from '../store/talk-queue';

export const HEARTBEAT_MS = 15_000;
/** Heartbeats between two venue visitor rounds that have nothing queued to send. */
const VENUE_VISITOR_BEATS = 4;

export const hubSyncEventSchemas = {
  'hub.paired': z.object({ venue: z.string() }).strict(),
  'hub.pair_failed': z.object({ code: z.string() }).strict(),
  'hub.alert_acknowledged': z.object({ alertId: z.string(), by: z.string() }).strict(),
};

export interface HubSyncService {
  outbox: Outbox;
  sender: OutboxSender;
  venue: VenueLink;
  /** Returning visitors shared across the venue (keyed hashes and ciphertexts): `flush()` sends what waits and applies the venue's forgetting. */
  venueVisitors: VenueVisitorSync;
  /** Sends everything written so far; resolves when the hub acknowledged it (or the round failed). */
  flush(): Promise<void>;
  heartbeat(): Promise<void>;
  paired(): boolean;
}

/** The client and the venue link, made before the domains so the store can be given the venue. */
export interface HubConnection {
  client: HubClient;
  venue: VenueLink;
  /** Recognising visitors first seen at another kiosk of the venue (its key in `<dataDir>/keys/venue.key`). */
  visitors: VenueVisitorLink;
}

export function openHubConnection(link: HubLink, dataDir: string, kioskReady?: () => boolean): HubConnection {
  const client = new HubClient({ url: link.url, caFile: link.caFile });
  const ready = kioskReady ?? (() => client.paired);
  const venue = new VenueLink({ client, ready, timeoutMs: link.timing?.venueTimeoutMs });
  const visitors = new VenueVisitorLink({ client, dataDir, hubUrl: link.url, ready, timeoutMs: link.timing?.recallTimeoutMs });
  return { client, venue, visitors };
}

/** One hub's engine: the sync service, its start and stop, and a single pairing attempt for the console. */
export interface HubSyncEngine {
  link: HubLink;
  service: HubSyncService;
  /** The credential this kiosk holds for this hub (null until paired). */
  stored(): StoredCredential | null;
  /** Trades a code once: a wrong or expired code, a refusal or an unreachable hub throw a `HubSyncError`. */
  pairOnce(code: string): Promise<StoredCredential>;
  start(): void;
  stop(): Promise<void>;
}

export function createHubSyncEngine(ctx: ServiceContext, link: HubLink, conn: HubConnection, opts: { version: string; timers?: Timers }): HubSyncEngine {
  return createHubSync(ctx, link, conn, opts);
}

function createHubSync(ctx: ServiceContext, link: HubLink, conn: HubConnection, opts: { version: string; timers?: Timers }): HubSyncEngine {
  const timers = opts.timers ?? realTimers;
  const t = link.timing ?? {};
  const log = ctx.logger.child('hub');
  const { client, venue } = conn;
  const outbox = new Outbox(ctx.db, ctx.events);
  const status = new KioskStatus(ctx.db, ctx.events, opts.version);
  const queue = new TalkQueue(ctx.db);
  let unpairedAlerted = false;
  const venueVisitors = venueVisitorSync(ctx, client, conn.visitors, log);
  let beats = 0;
  conn.visitors.whenChanged(() => venueVisitors.kick());
  const sender = new OutboxSender({
    outbox,
    post: (path, body) => client.post(path, body),
    batchSize: t.batchSize,
    pollMs: t.pollMs,
    baseDelayMs: t.baseDelayMs,
    maxDelayMs: t.maxDelayMs,
    timers,
    onError(err, failures, retryInMs) {
      // One line when the hub goes away, then one every 20 failures: a hub down for days must not fill the log.
      if (failures === 1 || failures % 20 === 0) log.warn('hub unreachable; events wait in the outbox', { code: err.code, failures, retryInMs });
      if (err.retryable === false) unpaired(err);
    },
  });
  let beatTimer: unknown = null;
  let pairTimer: unknown = null;
  let stopped = false;
  let unsubscribe: (() => void) | null = null;

  const unpaired = (err: HubCallError) => {
    if (unpairedAlerted) return;
    unpairedAlerted = true;
    log.error('the hub refused this kiosk: pair it again with `npm run hub -- pair`', { code: err.code });
    safely(() => raiseStaffAlert(ctx, 'hub_unpaired', { code: err.code }));
  };

  const heartbeat = async () => {
    if (!client.paired) return;
    const lag = outbox.lag();
    checkLag(lag);
    try {
      const r = await client.post<{
        ackedSeq: number;
        acknowledgedAlerts: { alertId: string; at: string; by: string }[];
        bookings: { bookingId: string; state: string }[];
        snacks?: { itemId: string; granted: number; release: number }[];
        tickets?: VenueDecision[];
      }>('/v1/heartbeat', status.read(lag));
      for (const a of r.acknowledgedAlerts) applyHubAck(a);
      for (const b of r.bookings) settleBooking(b);
      if (r.snacks?.length) safely(() => applySnackReply(ctx.db, r.snacks!));
      // Forgetting asked at other kiosks comes down (and what still waits goes up) every fourth heartbeat, a
      // minute at the shipped pace; a record queued here is sent at once, without waiting for this.
      if (++beats % VENUE_VISITOR_BEATS === 0) venueVisitors.kick();
      // Tickets of this kiosk that staff called or marked on the hub or at another kiosk: its queue and console follow.
      if (r.tickets?.length) safely(() => applyVenueDecisions(ctx, queue, r.tickets!));
      // The hub holds less than our mark (restored from a backup): send again from its mark.
      if (r.ackedSeq < outbox.ackedSeq()) {
        outbox.rewind(r.ackedSeq);
        sender.kick();
      }
    } catch (err) {
      if ((err as HubCallError).retryable === false) unpaired(err as HubCallError);
    }
  };

  let lagAlerted = false;
  const checkLag = (lag: ReturnType<Outbox['lag']>) => {
    const old = lag.oldestAt !== null && Date.now() - Date.parse(lag.oldestAt) > link.lagAlert.minutes * 60_000;
    const over = lag.events >= link.lagAlert.events || old;
    if (over && !lagAlerted) {
      const open = ctx.db.prepare("SELECT 1 FROM staff_alerts WHERE kind = 'hub_outbox_lag' AND acknowledged_at IS NULL").get();
      if (!open) safely(() => raiseStaffAlert(ctx, 'hub_outbox_lag', { events: lag.events, oldestAt: lag.oldestAt }));
      lagAlerted = true;
    } else if (!over) lagAlerted = false;
  };

  const applyHubAck = (a: { alertId: string; at: string; by: string }) => {
    const open = ctx.db.prepare('SELECT 1 FROM staff_alerts WHERE id = ? AND acknowledged_at IS NULL').get(a.alertId);
    if (!open) return;
    safely(() => {
      const row = acknowledgeAlert(ctx.db, a.alertId, a.by, a.at);
      ctx.record('hub.alert_acknowledged', { alertId: a.alertId, by: a.by });
      ctx.push({ name: 'staff.alert', payload: { id: row.id, kind: row.kind, at: row.at } });
    });
  };

  /** The hub settled a booking made offline: confirmed, or a clash (staff here are told too, to call the visitor). */
  const settleBooking = (b: { bookingId: string; state: string }) => {
    const state = b.state === 'booked' ? 'confirmed' : b.state === 'conflict' ? 'conflict' : null;
    if (!state) return;
    safely(() => {
      const changed = ctx.db
        .prepare("UPDATE hub_pending SET state = ?, settled_at = ? WHERE kind = 'booking' AND ref = ? AND state = 'pending'")
        .run(state, new Date().toISOString(), b.bookingId).changes;
      if (changed > 0 && state === 'conflict') raiseStaffAlert(ctx, 'booking_conflict', { bookingId: b.bookingId });
    });
  };

  const scheduleBeat = () => {
    if (stopped) return;
    beatTimer = timers.setTimeout(() => {
      void heartbeat().finally(scheduleBeat);
    }, t.heartbeatMs ?? HEARTBEAT_MS);
  };

  let begun = false;
  const begin = () => {
    if (stopped || begun) return;
    begun = true;
    unsubscribe = ctx.events.subscribe(() => sender.kick());
    sender.start();
    venueVisitors.kick();
    void heartbeat();
    scheduleBeat();
  };

  /** One trade of a code for the credential; on success the kiosk starts sending at once. */
  const trade = async (code: string): Promise<StoredCredential> => {
    const r = await client.post<{ credential: string; venue: string; ticketLetter: string; venueKey?: { venue: string; keyId: string; key: string } }>('/v1/pair', {
      kioskId: ctx.kioskId,
      code,
    });
    // The venue key comes with the credential (a hub without one: the sync asks for it later).
    if (r.venueKey) {
      const key = r.venueKey;
      safely(() => conn.visitors.setKey(key));
    }
    const stored: StoredCredential = { hubUrl: link.url, credential: r.credential, venue: r.venue, ticketLetter: r.ticketLetter, pairedAt: new Date().toISOString() };
    writeCredential(ctx.dataDir, stored);
    client.setCredential(r.credential);
    venue.setLetter(r.ticketLetter);
    // Paired again after a revocation: the next refusal is news again.
    unpairedAlerted = false;
    ctx.record('hub.paired', { venue: r.venue });
    log.info('paired with the hub', { venue: r.venue });
    begin();
    sender.kick();
    return stored;
  };

  let pairFailures = 0;
  const pair = async () => {
    if (stopped || !link.pairCode) return;
    try {
      await trade(link.pairCode);
    } catch (err) {
      const e = err as HubCallError;
      if (e.retryable === false) {
        safely(() => ctx.record('hub.pair_failed', { code: e.code }));
        unpaired(e);
        return;
      }
      pairFailures++;
      pairTimer = timers.setTimeout(() => void pair(), retryDelay(pairFailures, t.baseDelayMs ?? 500, t.maxDelayMs ?? 60_000, Math.random));
    }
  };

  const pairOnce = async (code: string): Promise<StoredCredential> => {
    try {
      return await trade(code);
    } catch (err) {
      const e = err as HubCallError;
      safely(() => ctx.record('hub.pair_failed', { code: String(e.code ?? 'error').slice(0, 60) }));
      if (e.code === 'hub.pair_code_invalid') throw new HubSyncError('hub.pair_code_invalid', e.message);
      if (e.retryable === false) throw new HubSyncError('hub.pair_refused', e.message, { details: [e.code] });
      throw new HubSyncError('hub.unreachable', e.message, { retryable: true });
    }
  };

  function safely(fn: () => void) {
    try {
      fn();
    } catch (err) {
      log.error('hub bookkeeping failed', { err });
    }
  }

  const service: HubSyncService = {
    outbox,
    sender,
    venue,
    venueVisitors,
    flush: () => sender.flush(),
    heartbeat,
    paired: () => client.paired,
  };

  return {
    link,
    service,
    stored: () => readCredential(ctx.dataDir, link.url),
    pairOnce,
    start() {
      const stored = readCredential(ctx.dataDir, link.url);
      if (stored) {
        client.setCredential(stored.credential);
        venue.setLetter(stored.ticketLetter);
        begin();
      } else if (link.pairCode) {
        void pair();
      } else {
        log.warn('a hub is configured but this kiosk is not paired: enter a code in the console (Tablets tab) or start it once with ITDA_HUB_PAIR_CODE (npm run hub -- pair --kiosk ' + ctx.kioskId + ')');
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (beatTimer !== null) timers.clearTimeout(beatTimer);
      if (pairTimer !== null) timers.clearTimeout(pairTimer);
      unsubscribe?.();
      status.close();
      await sender.stop();
      await venueVisitors.idle();
      client.close();
    },
  };
}
