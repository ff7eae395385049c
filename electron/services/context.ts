/**
 * What every service domain gets from the composition root: storage, the
 * event log, config, logging, health and the push channel. Domains never
 * import `electron`; the same context runs under Electron, the web host,
 * the CLIs and tests.
 */
import type { PushEvent } from '../contract/events';
import type { Handlers, ShopDoor, StaffDoor } from '../contract/dispatch';
import type { KioskConfig } from './config/config-schema';
import type { Db } from './storage/database';
import type { EventLog, EventSchemas } from './storage/event-log';
import type { Logger } from './app/logger';
import type { HealthMonitor } from './app/health-monitor';

export interface ServiceContext {
  db: Db;
  events: EventLog;
  config: KioskConfig;
  kioskId: string;
  dataDir: string;
  logger: Logger;
  health: HealthMonitor;
  /** Sends an event to every connected screen. */
  push(event: PushEvent): void;
  /** Appends an event; a storage failure marks the kiosk out of service and rethrows. */
  record(type: string, payload?: unknown): void;
  /**
   * The service object of a domain created earlier (see `domains.ts` order),
   * for flows that drive devices: `ctx.getService<PrintingService>('printing')`.
   * Throws when that domain does not exist.
   */
  getService<T>(domain: string): T;
  /**
   * Keeps a write that storage refused (disk full) to run again, oldest
   * first, once the health check finds storage writable. For what must not be
   * lost to a full disk (a visitor's staff call or crisis); absent in
   * hand-made test contexts.
   */
  defer?(what: string, write: () => void): void;
}

/** One domain of services (app, printing, vending, pharmacy, ...), as the composition root sees it. */
export interface ServiceDomain {
  name: string;
  handlers: Partial<Handlers>;
  /** The domain's service object, for other domains (flows) and CLIs. */
  service?: unknown;
  /** Starts background work (device polling, queue workers). */
  start?(): Promise<void> | void;
  /** Stops background work and closes devices; must be safe to call twice. */
  stop?(): Promise<void> | void;
  /** Nightly maintenance (retention purges): what was done, as counts for the record. */
  maintain?(): Record<string, number> | void;
  /** A host connection closed (web host socket): sessions bound to it end. */
  onConnectionClosed?(connectionId: string): void;
  /** The domain that keeps staff sessions (`staff/`) lends them to the door; at most one domain does. */
  door?: StaffDoor;
  /** The domain that keeps 동행 가게 shop sessions (`coupons/`) lends them to the door; at most one domain does. */
  shopDoor?: ShopDoor;
}

/** A domain module: its event types, and a factory run once storage is open. */
export interface DomainModule {
  eventSchemas: EventSchemas;
  create(ctx: ServiceContext): ServiceDomain | Promise<ServiceDomain>;
}
