/**
 * The whole kiosk's services in the test process, on a fresh temp data dir,
 * with simulated hardware and a quiet logger: what the hosts compose, minus
 * the host. `stop()` closes them and removes the folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices, type ComposeOptions, type Services } from '../../electron/services/compose';
import { parseConfig } from '../../electron/services/config/load-config';
import type { KioskConfigInput } from '../../electron/services/config/config-schema';
import { createLogger } from '../../electron/services/app/logger';
import { makeTempDir } from './temp-dir';
import { TEST_STAFF_HOST } from './staff-pins';

export interface TestServices {
  services: Services;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startTestServices(
  config: KioskConfigInput = {},
  opts: Partial<Pick<ComposeOptions, 'modules' | 'platform' | 'host' | 'hub' | 'staff'>> & {
    prefix?: string;
    /** Point ITDA_CONFIG at `<dataDir>/config.json` (staff config edits write there) until stop. */
    configEnv?: boolean;
  } = {},
): Promise<TestServices> {
  const temp = makeTempDir(opts.prefix ?? 'itda-services-');
  if (opts.configEnv) process.env.ITDA_CONFIG = join(temp.path, 'config.json');
  const services = await composeServices({
    dataDir: temp.path,
    config: parseConfig(config),
    host: opts.host ?? 'web',
    version: 'test',
    logger: createLogger({ dir: join(temp.path, 'logs'), echo: false }),
    modules: opts.modules,
    platform: opts.platform,
    hub: opts.hub ?? null,
    staff: opts.staff ?? TEST_STAFF_HOST,
  });
  return {
    services,
    dataDir: temp.path,
    async stop() {
      await services.close();
      if (opts.configEnv) delete process.env.ITDA_CONFIG;
      temp.remove();
    },
  };
}

/**
 * A stand-in for the built renderer in `dir/renderer`: one index.html (and an empty assets/
 * folder), for web-host tests about the door rather than the screens. Returns its path.
 */
export function writeStubRenderer(dir: string, html = '<!doctype html><title>kiosk</title>'): string {
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), html);
  return renderer;
}
