/**
 * The `hub` domain: the kiosk's link to the venue hub, and the console's way
 * to make one. With a hub set at start (config `hub.url` or `ITDA_HUB_URL`)
 * it runs that hub's engine (`hub-sync-engine.ts`). Without one, it holds
 * nothing but two console methods: no timer, no file, no call, exactly the
 * kiosk that works alone. A technician may then enter the hub's address and
 * the code `npm run hub -- pair` printed; the kiosk trades it at once, starts
 * sending, remembers the hub in its config file, and hands the store the
 * venue's queue and calendar for its next visitor.
 */
import type { DomainModule, ServiceContext } from '../context';
import type { Handlers } from '../../contract/dispatch';
import { checkHubUrl, HubLinkError, type HubLink } from './hub-link';
import { createHubSyncEngine, hubSyncEventSchemas, openHubConnection, type HubConnection, type HubSyncEngine, type HubSyncService } from './hub-sync-engine';
import { HubSyncError } from './hub-sync-errors';
import type { Timers } from './outbox-sender';
import { saveHubUrl } from './hub-config-file';
import { configFileFor } from '../staff/config-editor';
import type { VenueSlot } from '../store/venue-share';

export { HEARTBEAT_MS, hubSyncEventSchemas, openHubConnection, type HubConnection, type HubSyncService } from './hub-sync-engine';

export interface HubDomainOptions {
  version: string;
  timers?: Timers;
  /** The config file to remember a hub paired from the console (default: the kiosk's, as the staff domain finds it). */
  configFile?: string;
  /** Pace of an engine made from the console (tests shorten it). */
  timing?: HubLink['timing'];
  /** The store's handle on the venue: pairing from the console fills it, so the next visitor uses the venue's queue and calendar. */
  venue?: VenueSlot;
}

export function hubSyncDomainModule(link: HubLink | null, conn: HubConnection | null, opts: HubDomainOptions): DomainModule {
  return { eventSchemas: hubSyncEventSchemas, create: (ctx) => createHubDomain(ctx, link, conn, opts) };
}

function createHubDomain(ctx: ServiceContext, link: HubLink | null, conn: HubConnection | null, opts: HubDomainOptions) {
  let engine: HubSyncEngine | null = link && conn ? createHubSyncEngine(ctx, link, conn, opts) : null;
  let running = false;

  const status = () => {
    const stored = engine?.stored() ?? null;
    return {
      configured: engine !== null,
      url: engine?.link.url ?? null,
      paired: engine?.service.paired() ?? false,
      venue: stored?.venue ?? null,
      ticketLetter: stored?.ticketLetter ?? null,
      waiting: engine ? engine.service.outbox.lag().events : null,
    };
  };

  const handlers: Partial<Handlers> = {
    'hub.status': () => status(),
    'hub.pair': async ({ url, code }) => {
      let clean: string;
      try {
        clean = checkHubUrl(url);
      } catch (err) {
        if (err instanceof HubLinkError) throw new HubSyncError('hub.url_invalid', err.message);
        throw err;
      }
      const same = engine !== null && engine.link.url === clean;
      let target = engine;
      if (!same) {
        const next: HubLink = {
          url: clean,
          pairCode: null,
          caFile: engine?.link.caFile ?? ctx.config.hub.caFile,
          lagAlert: { events: ctx.config.hub.lagAlertEvents, minutes: ctx.config.hub.lagAlertMinutes },
          timing: opts.timing ?? link?.timing,
        };
        target = createHubSyncEngine(ctx, next, openHubConnection(next, ctx.dataDir), opts);
      }
      try {
        await target!.pairOnce(code);
      } catch (err) {
        if (!same) await target!.stop();
        throw err;
      }
      if (!same) {
        // The new hub replaces the old link: its engine stops cleanly, its waiting events go to the new hub.
        const old = engine;
        engine = target;
        // From the next visitor on, the check-in asks this hub for tickets and slots (no restart).
        opts.venue?.set(engine!.service.venue);
        await old?.stop();
        if (running) engine!.start();
      }
      try {
        saveHubUrl(opts.configFile ?? configFileFor(ctx.dataDir), clean);
      } catch (err) {
        ctx.logger.warn('paired with the hub, but the config file could not remember it; set hub.url by hand', { err: String((err as Error)?.message ?? err) });
      }
      // Without a store slot (a host composing its own domains) the venue's queue would wait for the next start.
      return { ...status(), venueFromNextStart: !opts.venue };
    },
  };

  return {
    name: 'hub',
    handlers,
    /** The running engine's service (undefined without a hub). */
    get service(): HubSyncService | undefined {
      return engine?.service;
    },
    start() {
      running = true;
      engine?.start();
    },
    async stop() {
      running = false;
      await engine?.stop();
    },
  };
}
