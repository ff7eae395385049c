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

export interface WebKiosk {
  url: string;
  services: Services;
  dataDir: string;
  host: WebHost;
  /** Calls the contract as a screen would; throws on an error result (test set-up must not fail quietly). */
  call<T = any>(method: string, input?: unknown): Promise<T>;
  /** One number from the kiosk's database (`SELECT COUNT(*) ...`). */
  count(sql: string, ...args: unknown[]): number;
  /** Files the printer simulator wrote (`.png`, `.txt`), full paths, oldest first. */
  slipFiles(ext: '.png' | '.txt'): string[];
  stop(): Promise<void>;
}

export async function startWebKiosk(config: KioskConfigInput = {}, opts: { dataDir?: string; hub?: HubLink | null; rateLimits?: WebHostOptions['rateLimits'] } = {}): Promise<WebKiosk> {
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
  });
  const host = await startWebHost({ services, rendererDir, port: 0, devices: staffDevicesOf(services), rateLimits: opts.rateLimits });
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
