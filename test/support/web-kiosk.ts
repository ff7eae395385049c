/**
 * A whole kiosk in the test process: services on a temp data dir, simulated
 * hardware, the web host on a free loopback port. What `npm run start:web`
 * runs, minus the command line.
 */
import { join } from 'node:path';
import { composeServices, type Services } from '../../electron/services/compose';
import { parseConfig } from '../../electron/services/config/load-config';
import type { KioskConfigInput } from '../../electron/services/config/config-schema';
import { createLogger } from '../../electron/services/app/logger';
import { startWebHost, type WebHost } from '../../electron/webhost/server';
import { makeTempDir } from './temp-dir';
import { ensureRendererBuilt } from './renderer-build';

export interface WebKiosk {
  url: string;
  services: Services;
  dataDir: string;
  host: WebHost;
  stop(): Promise<void>;
}

export async function startWebKiosk(config: KioskConfigInput = {}, opts: { dataDir?: string } = {}): Promise<WebKiosk> {
  const rendererDir = await ensureRendererBuilt();
  const temp = opts.dataDir ? null : makeTempDir('itda-kiosk-');
  const dataDir = opts.dataDir ?? temp!.path;
  const services = await composeServices({
    dataDir,
    config: parseConfig(config),
    host: 'web',
    version: 'test',
    logger: createLogger({ dir: join(dataDir, 'logs'), echo: false }),
  });
  const host = await startWebHost({ services, rendererDir, port: 0 });
  return {
    url: host.url,
    services,
    dataDir,
    host,
    async stop() {
      await host.close();
      await services.close();
      temp?.remove();
    },
  };
}
