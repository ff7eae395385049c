/**
 * The composition root: opens storage, builds every service domain on one
 * context, and exposes one `dispatch()` and one push stream. Electron's main,
 * the web host and tests all start the app through `composeServices()`.
 *
 * When storage cannot open (corrupt, unwritable, disk full) the app still
 * starts in "out of service" mode: `app.info` and `app.health` answer, every
 * other call gets `app.out_of_service`, and the screen says staff are notified.
 */
import { CoreErrorCode, KioskError } from '../contract/errors';
import type { PushEvent } from '../contract/events';
import { createDispatcher, type Dispatcher, type Handlers } from '../contract/dispatch';
import { api } from '../contract/api';
import type { KioskConfig } from './config/config-schema';
import type { DomainModule, ServiceContext, ServiceDomain } from './context';
import { openDatabase, ensureSetting, type Db } from './storage/database';
import { EventLog } from './storage/event-log';
import { DeferredWrites } from './storage/deferred-writes';
import { restrictNewFiles, warnIfLoosened } from './storage/data-modes';
import { StorageError } from './storage/storage-errors';
import { createLogger, type Logger } from './app/logger';
import { HealthMonitor } from './app/health-monitor';
import { appDomainModule, appInfo } from './app/app-domain';
import { ulid } from './storage/ids';
import { join } from 'node:path';
import { shippedDomains, type PlatformHooks, type StaffHostOptions } from './domains';
import { hubLinkFrom, HubLinkError, type HubLink } from './hub-sync/hub-link';
import { hubSyncDomainModule, openHubConnection } from './hub-sync/hub-sync-domain';
import { VenueSlot } from './store/venue-share';
import { Operations } from './ops/operations';
import { opsEventSchemas } from './ops/ops-events';
import { outboxProbe, type OutboxView } from './ops/outbox-probe';
import { raiseStaffAlert } from './app/staff-alerts';

export interface ComposeOptions {
  dataDir: string;
  config: KioskConfig;
  host: 'electron' | 'web';
  version: string;
  nativeBinding?: string;
  logger?: Logger;
  /** Extra domains (tests); the shipped ones come from `domains.ts`. */
  extraModules?: DomainModule[];
  /** Replace the shipped domain list (tests that want the shell only). */
  modules?: DomainModule[];
  /** What the host offers (Electron: safeStorage for the visitor-data key). */
  platform?: PlatformHooks;
  /** The venue hub; default: `hub.url` in the config or `ITDA_HUB_URL`. null: none (the kiosk alone, as always). */
  hub?: HubLink | null;
  /** The first-admin setup code: printed as a slip (default) and announced on standard output (default). */
  staff?: StaffHostOptions;
}

export interface Services {
  config: KioskConfig;
  kioskId: string;
  dataDir: string;
  db: Db | null;
  events: EventLog | null;
  health: HealthMonitor;
  logger: Logger;
  dispatch: Dispatcher;
  /** Listen to pushed events; returns an unsubscribe function. */
  onPush(listener: (e: PushEvent) => void): () => void;
  /** Domains by name, for CLIs and tests that drive a service directly. */
  domains: Map<string, ServiceDomain>;
  /** Disk guard, nightly maintenance, runtime alerts and extra health probes; null when out of service. */
  ops: Operations | null;
  /** The host tells the services that a connection closed (every domain hears it). */
  endConnection(connectionId: string): void;
  close(): Promise<void>;
}

export async function composeServices(opts: ComposeOptions): Promise<Services> {
  // The kiosk's data is its user's alone: every file made from here on is private.
  restrictNewFiles();
  const logger = opts.logger ?? createLogger({ dir: join(opts.dataDir, 'logs') });
  warnIfLoosened(opts.dataDir, logger);
  const health = new HealthMonitor(logger.child('health'));
  const pushListeners = new Set<(e: PushEvent) => void>();
  const push = (e: PushEvent) => {
    for (const l of pushListeners) {
      try {
        l(e);
      } catch (err) {
        logger.warn('push listener failed', { err });
      }
    }
  };
  health.subscribe((h) => push({ name: 'app.health', payload: h }));

  const info = { version: opts.version, host: opts.host };
  // The hub connection exists before the domains so the check-in store gets the venue's queue and calendar
  // injected; without a hub there is none, and every domain is composed exactly as before.
  const hub = resolveHubLink(opts, logger);
  const hubConnection = hub ? openHubConnection(hub, opts.dataDir) : null;
  // Filled by the hub domain when the console pairs a kiosk that started alone: its next visitor uses the venue.
  const venue = new VenueSlot(hubConnection?.venue);
  const modules = [
    appDomainModule(info),
    ...(opts.modules ?? shippedDomains(opts.platform, opts.dataDir, { venue, recognition: hubConnection?.visitors }, opts.staff)),
    ...(opts.extraModules ?? []),
  ];
  // The hub domain is there even without a hub (then only the console's pairing methods, no timer, no file).
  if (hubConnection || !opts.modules) modules.push(hubSyncDomainModule(hub, hubConnection, { version: opts.version, venue }));

  let db: Db | null = null;
  try {
    db = openDatabase({ dataDir: opts.dataDir, nativeBinding: opts.nativeBinding });
  } catch (err) {
    const se = err instanceof StorageError ? err : new StorageError('storage.unavailable', String(err), err);
    health.fail(se.code, se.message);
  }

  const kioskId = opts.config.kioskId ?? (db ? ensureSetting(db, 'kiosk_id', () => `kiosk-${ulid().slice(-8).toLowerCase()}`) : 'unknown');

  if (!db) {
    return outOfServiceServices(opts, logger, health, pushListeners, kioskId, info);
  }

  const deferred = new DeferredWrites(logger.child('deferred'));
  const events = new EventLog(db, kioskId, {});
  for (const m of modules) events.register(m.eventSchemas);
  events.register(opsEventSchemas);

  const domains = new Map<string, ServiceDomain>();
  const ctx: ServiceContext = {
    db,
    events,
    config: opts.config,
    kioskId,
    dataDir: opts.dataDir,
    logger,
    health,
    push,
    record(type, payload = {}) {
      try {
        events.append(type, payload);
      } catch (err) {
        if (err instanceof StorageError) health.fail(err.code, err.message);
        throw err;
      }
    },
    defer(what, write) {
      deferred.add(what, write);
    },
    getService<T>(name: string): T {
      const d = domains.get(name);
      if (!d || d.service === undefined) throw new TypeError(`no service "${name}" (is its domain listed before this one?)`);
      return d.service as T;
    },
  };

  const handlers: Partial<Handlers> = {};
  for (const m of modules) {
    let d: ServiceDomain;
    try {
      d = await m.create(ctx);
    } catch (err) {
      // One broken domain (bad content, a missing device library) must not take the kiosk shell down:
      // its calls answer `app.not_available` and staff see the fault.
      logger.error('a service domain failed to start; its screens are unavailable', { err });
      try {
        ctx.record('app.fault', { where: 'compose', code: (err as { code?: string })?.code ?? 'internal', message: String((err as Error)?.message ?? err).slice(0, 500) });
      } catch {
        // Storage is the problem; health already says so.
      }
      continue;
    }
    domains.set(d.name, d);
    for (const [name, h] of Object.entries(d.handlers)) {
      if (name in handlers) throw new TypeError(`method ${name} is handled twice`);
      (handlers as Record<string, unknown>)[name] = h;
    }
  }
  const missing = Object.keys(api).filter((n) => !(n in handlers));
  for (const name of missing) {
    (handlers as Record<string, unknown>)[name] = () => {
      throw new KioskError(CoreErrorCode.notImplemented, `${name} is not available on this kiosk`);
    };
  }

  const guarded = guardWhenOutOfService(handlers as Handlers, health);
  const doors = [...domains.values()].flatMap((d) => (d.door ? [d.door] : []));
  if (doors.length > 1) throw new TypeError('more than one domain keeps staff sessions');
  const shopDoors = [...domains.values()].flatMap((d) => (d.shopDoor ? [d.shopDoor] : []));
  if (shopDoors.length > 1) throw new TypeError('more than one domain keeps shop sessions');
  const dispatch = createDispatcher(
    guarded,
    (method, err) => {
      logger.error(`fault in ${method}`, { err });
      try {
        ctx.record('app.fault', { where: method, code: 'internal', message: String((err as Error)?.message ?? err).slice(0, 500) });
      } catch {
        // Already out of service; the log line above is the record.
      }
    },
    doors[0],
    shopDoors[0],
  );

  try {
    const applied = db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all() as number[];
    ctx.record('app.started', { host: opts.host, version: opts.version, migrations: applied });
  } catch (err) {
    logger.error('cannot record start', { err });
  }

  for (const d of domains.values()) {
    try {
      await d.start?.();
    } catch (err) {
      logger.error(`domain ${d.name} failed to start`, { err });
    }
  }

  // Out of service for storage (disk full, unwritable): recheck every few seconds and come back by
  // itself once a write goes through; what waited in memory is written first.
  const recheck = setInterval(() => {
    if (health.ok || !RECHECKABLE.has(health.current.reason ?? '')) return;
    if (storageWritable(db!) && deferred.flush()) health.recover();
  }, STORAGE_RECHECK_MS);
  recheck.unref();
  const ops = new Operations({
    db,
    config: opts.config,
    dataDir: opts.dataDir,
    logger: logger.child('ops'),
    record: (type, payload) => ctx.record(type, payload),
    raiseAlert: (kind, detail) => raiseStaffAlert(ctx, kind, detail),
    retention: [...domains.values()].flatMap((d) => (d.maintain ? [{ name: d.name, run: () => d.maintain!() }] : [])),
  });
  const hubSync = domains.get('hub')?.service as OutboxView | undefined;
  if (hubSync) ops.addProbe('outbox', outboxProbe(hubSync));
  ops.start();

  let closed = false;
  return {
    config: opts.config,
    kioskId,
    dataDir: opts.dataDir,
    db,
    events,
    health,
    logger,
    dispatch,
    domains,
    ops,
    onPush(listener) {
      pushListeners.add(listener);
      return () => pushListeners.delete(listener);
    },
    endConnection(connectionId) {
      for (const d of domains.values()) {
        try {
          d.onConnectionClosed?.(connectionId);
        } catch (err) {
          logger.warn(`domain ${d.name} failed on a closed connection`, { err });
        }
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(recheck);
      ops.stop();
      for (const d of [...domains.values()].reverse()) {
        try {
          await d.stop?.();
        } catch (err) {
          logger.warn(`domain ${d.name} failed to stop`, { err });
        }
      }
      try {
        ctx.record('app.stopped', { host: opts.host });
      } catch {
        // Out of service: nothing more to write.
      }
      db!.close();
    },
  };
}

/** A bad hub setting is logged and the kiosk runs alone: the venue's visitors must not wait on the hub's configuration. */
function resolveHubLink(opts: ComposeOptions, logger: Logger): HubLink | null {
  if (opts.hub !== undefined) return opts.hub;
  try {
    return hubLinkFrom(opts.config, process.env);
  } catch (err) {
    if (!(err instanceof HubLinkError)) throw err;
    logger.error(`the venue hub is not used: ${err.message}`);
    return null;
  }
}

const STORAGE_RECHECK_MS = 3_000;
/** Causes a recheck can clear: space freed, a remount read-write. A damaged database needs a person. */
const RECHECKABLE = new Set(['storage.disk_full', 'storage.unwritable']);

/** One small write: does storage take writes again? */
function storageWritable(db: Db): boolean {
  try {
    db.prepare("INSERT INTO settings (key, value) VALUES ('health_probe', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(new Date().toISOString());
    return true;
  } catch {
    return false;
  }
}

/**
 * While out of service, only the shell's identity and health calls answer,
 * and what a person in need or staff must still do: a staff call, a crisis
 * (both reach staff without storage), and staff login (sessions live in memory).
 */
function guardWhenOutOfService(handlers: Handlers, health: HealthMonitor): Handlers {
  const open = new Set(['app.info', 'app.health', 'app.staffCall', 'pharmacy.crisis', 'store.crisis', 'staff.login', 'staff.logout', 'staff.alerts', 'staff.maintenanceState']);
  const out: Record<string, unknown> = {};
  for (const [name, h] of Object.entries(handlers)) {
    out[name] = open.has(name)
      ? h
      : (input: unknown, meta: unknown) => {
          if (!health.ok) throw new KioskError(CoreErrorCode.outOfService, 'the kiosk is out of service');
          return (h as (i: unknown, m: unknown) => unknown)(input, meta);
        };
  }
  return out as Handlers;
}

function outOfServiceServices(
  opts: ComposeOptions,
  logger: Logger,
  health: HealthMonitor,
  pushListeners: Set<(e: PushEvent) => void>,
  kioskId: string,
  info: { version: string; host: 'electron' | 'web' },
): Services {
  const refuse = () => {
    throw new KioskError(CoreErrorCode.outOfService, 'the kiosk is out of service');
  };
  const handlers: Record<string, unknown> = {};
  for (const name of Object.keys(api)) handlers[name] = refuse;
  handlers['app.info'] = () => appInfo({ config: opts.config, kioskId }, info);
  handlers['app.health'] = () => health.current;
  return {
    config: opts.config,
    kioskId,
    dataDir: opts.dataDir,
    db: null,
    events: null,
    health,
    logger,
    dispatch: createDispatcher(handlers as Handlers, (m, err) => logger.error(`fault in ${m}`, { err })),
    domains: new Map(),
    ops: null,
    onPush(listener) {
      pushListeners.add(listener);
      return () => pushListeners.delete(listener);
    },
    endConnection() {},
    async close() {},
  };
}
