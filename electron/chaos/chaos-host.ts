/**
 * The kiosk host the campaign and the soak run: the web host's own
 * composition (`composeServices` + `startWebHost`, the real upgrade gate and
 * screen cookie), with two differences that only a test rig may have: the
 * page is a stub (no renderer build needed to drive the contract), and the
 * per-screen rate limits are off, because the rig replays visitors faster
 * than any person would (`startWebHost`'s documented use of `rateLimits: false`).
 * `--data DIR --config FILE`; prints `ready at URL` like `start:web`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFlags } from '../services/config/runtime-options';
import { loadConfig } from '../services/config/load-config';
import { composeServices } from '../services/compose';
import { createLogger } from '../services/app/logger';
import { startWebHost } from '../webhost/server';

async function main() {
  const flags = parseFlags(process.argv.slice(2));
  if (!flags.data || !flags.config) throw new TypeError('usage: chaos-host --data DIR --config FILE');
  const logger = createLogger({ dir: join(flags.data, 'logs'), echo: false });
  const config = loadConfig({ file: flags.config, required: true });
  const services = await composeServices({ dataDir: flags.data, config, host: 'web', version: 'chaos', logger });
  const rendererDir = join(flags.data, 'stub-renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Itda Kiosk (chaos rig)</title>\n');
  const host = await startWebHost({ services, rendererDir, port: 0, rateLimits: false });
  process.stdout.write(`Itda Kiosk (chaos) ready at ${host.url}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`chaos host failed: ${(err as Error)?.stack ?? err}\n`);
  process.exit(1);
});
