/**
 * A whole kiosk in the test process: services on a temp data dir, simulated
 * hardware, the web host on a free loopback port. What `npm run start:web`
 * runs, minus the command line.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices, type Services } from '../../electron/services/compose';
import { parseConfig } from '../../electron/services/config/load-config';
import type { KioskConfigInput } from '../../electron/services/config/config-schema';
import { createLogger } from '../../electron/services/app/logger';
import { startWebHost, type WebHost, type WebHostOptions } from '../../electron/webhost/server';
import { staffDevicesOf } from '../../electron/services/staff/staff-devices';
import { makeTempDir } from './temp-dir';
import type { HubLink } from '../../electron/services/hub-sync/hub-link';
import { ensureRendererBuilt } from './renderer-build';
import { login, setUpStaff, TEST_PINS, TEST_STAFF_HOST } from './staff-pins';
import type { StaffHostOptions } from '../../electron/services/domains';
import type { DomainModule } from '../../electron/services/context';

export interface WebKiosk {
  url: string;
  services: Services;
  dataDir: string;
  host: WebHost;
  /** Calls the contract as a screen would; throws on an error result (test set-up must not fail quietly). */
  call<T = any>(method: string, input?: unknown): Promise<T>;
  /**
   * Calls a technician-level method (simulator faults, maintenance) with a
   * technician's session, as the console would; sets up the test PINs
   * (`TEST_PINS`) first when the kiosk has none.
   */
  tech<T = any>(method: string, input?: Record<string, unknown>): Promise<T>;
  /** One number from the kiosk's database (`SELECT COUNT(*) ...`). */
  count(sql: string, ...args: unknown[]): number;
  /** Files the printer simulator wrote (`.png`, `.txt`), full paths, oldest first. */
  slipFiles(ext: '.png' | '.txt'): string[];
  stop(): Promise<void>;
}

export interface WebKioskOptions {
  dataDir?: string;
  hub?: HubLink | null;
  rateLimits?: WebHostOptions['rateLimits'];
  staff?: StaffHostOptions;
  /** The web host's port and address (default: a free port on 127.0.0.1); TLS to serve LAN devices. */
  port?: number;
  listen?: string;
  tls?: WebHostOptions['tls'];
  isScreenPeer?: WebHostOptions['isScreenPeer'];
  /** Replace the shipped domains (a test that injects a domain's clock), given the kiosk's data dir. */
  modules?: (dataDir: string) => DomainModule[];
}

export async function startWebKiosk(config: KioskConfigInput = {}, opts: WebKioskOptions = {}): Promise<WebKiosk> {
  const rendererDir = await ensureRendererBuilt();
  const temp = opts.dataDir ? null : makeTempDir('itda-kiosk-');
  const dataDir = opts.dataDir ?? temp!.path;
  const services = await composeServices({
    dataDir,
    config: parseConfig(config),
    host: 'web',
    version: 'test',
    logger: createLogger({ dir: join(dataDir, 'logs'), echo: false }),
    hub: opts.hub ?? null,
    staff: opts.staff ?? TEST_STAFF_HOST,
    modules: opts.modules?.(dataDir),
  });
  const host = await startWebHost({
    services,
    rendererDir,
    port: opts.port ?? 0,
    host: opts.listen,
    tls: opts.tls,
    isScreenPeer: opts.isScreenPeer,
    devices: staffDevicesOf(services),
    rateLimits: opts.rateLimits,
  });
  let techToken: string | null = null;
  const techSession = async (): Promise<string> => {
    const state = await services.dispatch('staff.authState', {});
    techToken = state.ok && (state.value as { needsSetup: boolean }).needsSetup ? (await setUpStaff(services)).tech : await login(services, TEST_PINS.technician);
    return techToken;
  };
  return {
    url: host.url,
    services,
    dataDir,
    host,
    async call(method, input = {}) {
      const r = await services.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.value as never;
    },
    async tech(method, input = {}) {
      let r = await services.dispatch(method, { ...input, token: techToken ?? (await techSession()) });
      // A session ends after two quiet minutes: log in again once.
      if (!r.ok && r.error.code === 'staff.session_expired') r = await services.dispatch(method, { ...input, token: await techSession() });
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.value as never;
    },
    count(sql, ...args) {
      return services.db!.prepare(sql).pluck().get(...args) as number;
    },
    slipFiles(ext) {
      const dir = join(dataDir, 'printer-sim');
      return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => join(dir, f)) : [];
    },
    async stop() {
      await host.close();
      await services.close();
      temp?.remove();
    },
  };
}
