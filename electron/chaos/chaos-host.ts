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
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Each step is said on stderr, so a run whose stop is not clean names the step that hung or failed.
    const say = (what: string) => process.stderr.write(`chaos host: ${what}\n`);
    say(`${signal}: stopping`);
    try {
      await host.close();
      say('web host closed');
      await services.close();
      say('services closed');
      process.exit(0);
    } catch (err) {
      say(`stop failed: ${(err as Error)?.stack ?? err}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  process.stderr.write(`chaos host failed: ${(err as Error)?.stack ?? err}\n`);
  process.exit(1);
});
