/**
 * `npm run start:web [-- --port N --data DIR --config FILE]`: the kiosk's
 * services and renderer under a Node web host at http://127.0.0.1:5180.
 */
import { join } from 'node:path';
import { parseFlags, resolveRuntimeOptions } from '../services/config/runtime-options';
import { loadConfig, ConfigError } from '../services/config/load-config';
import { composeServices } from '../services/compose';
import { createLogger } from '../services/app/logger';
import { startWebHost } from './server';
import { staffDevicesOf } from '../services/staff/staff-devices';
import { projectRoot, appVersion } from '../services/app/project-paths';

async function main() {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.help) {
    process.stdout.write('usage: npm run start:web -- [--port N] [--data DIR] [--config FILE]\n');
    return 0;
  }
  const rt = resolveRuntimeOptions(flags, process.env, { dataDir: join(projectRoot(), 'data') });
  const logger = createLogger({ dir: join(rt.dataDir, 'logs') });
  let config;
  try {
    config = loadConfig({ file: rt.configFile, required: rt.configRequired });
  } catch (err) {
    if (err instanceof ConfigError) {
      logger.error(`configuration error in ${err.file ?? 'config'}`, { problems: err.problems });
      process.stderr.write(`\nThe kiosk cannot start: its configuration has errors.\n${err.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return 2;
    }
    throw err;
  }
  const services = await composeServices({ dataDir: rt.dataDir, config, host: 'web', version: appVersion(), logger });
  let host;
  try {
    host = await startWebHost({
      services,
      rendererDir: join(projectRoot(), 'out', 'renderer'),
      port: rt.port,
      host: rt.host,
      tls: config.webHost.tls,
      allowedOrigins: config.webHost.allowedOrigins,
      devices: staffDevicesOf(services),
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    await services.close();
    return 2;
  }
  process.stdout.write(`Itda Kiosk (web) ready at ${host.url}  data: ${rt.dataDir}\n`);
  const stop = async () => {
    await host.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return null;
}

main().then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (err) => {
    process.stderr.write(`Itda Kiosk web host failed: ${(err as Error)?.stack ?? err}\n`);
    process.exit(1);
  },
);
