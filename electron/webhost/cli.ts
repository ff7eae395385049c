/**
 * `npm run start:web [-- --port N --data DIR --config FILE]` (and `itda-host`
 * in the Debian package): the kiosk's services and renderer under a Node web
 * host at http://127.0.0.1:5180. `--check` checks config and database and exits.
 */
import { join } from 'node:path';
import { parseFlags, resolveRuntimeOptions } from '../services/config/runtime-options';
import { loadConfig, ConfigError } from '../services/config/load-config';
import { composeServices } from '../services/compose';
import { createLogger } from '../services/app/logger';
import { startWebHost } from './server';
import { staffDevicesOf } from '../services/staff/staff-devices';
import { projectRoot, appVersion } from '../services/app/project-paths';
import { checkHost } from './host-check';
import { createSdNotifier } from './sd-notify';
import { linkToSupervisor } from './supervisor-link';

async function main() {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.help) {
    process.stdout.write('usage: npm run start:web -- [--port N] [--data DIR] [--config FILE] [--listen ADDR] [--check]\n');
    return 0;
  }
  const rt = resolveRuntimeOptions(flags, process.env, { dataDir: join(projectRoot(), 'data') });
  const rendererDir = join(projectRoot(), 'out', 'renderer');
  if (flags.check) {
    const lines = checkHost(rt, rendererDir);
    for (const l of lines) process.stdout.write(`${l.ok ? 'ok  ' : 'FAIL'}  ${l.what}: ${l.detail}\n`);
    const failed = lines.filter((l) => !l.ok);
    process.stdout.write(failed.length ? `The kiosk host cannot start: ${failed.map((l) => l.what).join(', ')} (see above).\n` : 'The kiosk host can start.\n');
    return failed.length ? 1 : 0;
  }
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
      rendererDir,
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
  const systemd = createSdNotifier();
  const stopWatchdog = systemd.startWatchdog();
  void systemd.notify('READY=1');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    stopWatchdog();
    void systemd.notify('STOPPING=1');
    await host.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  linkToSupervisor(services, host.url, () => void stop());
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
