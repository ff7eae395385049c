/**
 * `npm run hub [-- --port N --data DIR --database URL --listen ADDR]`: the
 * venue hub. Subcommands for the technician, on the same data dir/database:
 *   pair --kiosk ID [--venue NAME] [--json]   a one-time code for a kiosk (10 minutes)
 *   revoke --kiosk ID                          removes a kiosk's credential
 *   pair-device --name NAME [--json]           a one-time code to enroll a staff tablet (10 minutes)
 *   revoke-device --id DEVICE_ID               ends a staff device's enrollment
 *   add-pin --role staff|technician|admin --label NAME   a staff PIN, read from standard input
 *   remove-pin --id PIN_ID                     (never the last admin PIN)
 *   city-token --name NAME [--json]            the city's export token for the roll-up, printed once
 *   revoke-city-token --name NAME
 * Staff reach /staff as on a kiosk: an enrolled device, then a PIN (hub-staff.ts).
 */
import { parseFlags } from '../services/config/runtime-options';
import { projectRoot } from '../services/app/project-paths';
import { createLogger } from '../services/app/logger';
import { join, resolve } from 'node:path';
import { defaultHubDataDir, openHubDatabase, startHub } from './hub';
import { createPairCode, revokeKiosk } from './pairing';
import { HubStaff } from './hub-staff';
import { KioskError } from '../contract/errors';
import { HubError } from './hub-errors';
import { createCityToken, revokeCityToken } from './city-export';

export const DEFAULT_HUB_PORT = 5190;
const USAGE = `usage: npm run hub -- [--port N] [--data DIR] [--database URL] [--listen ADDR --tls-cert FILE --tls-key FILE]
       npm run hub -- pair --kiosk KIOSK_ID [--venue NAME] [--json]
       npm run hub -- revoke --kiosk KIOSK_ID
       npm run hub -- pair-device --name NAME [--json]
       npm run hub -- revoke-device --id DEVICE_ID
       echo PIN | npm run hub -- add-pin --role staff|technician|admin --label NAME [--json]
       npm run hub -- remove-pin --id PIN_ID
       npm run hub -- city-token --name NAME [--json]
       npm run hub -- revoke-city-token --name NAME
`;

async function main(): Promise<number | null> {
  const argv = process.argv.slice(2);
  const command = argv[0] && !argv[0].startsWith('--') ? argv[0] : 'serve';
  const flags = parseFlags(command === 'serve' ? argv : argv.slice(1));
  if (flags.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const dataDir = resolve(flags.data ?? process.env.ITDA_HUB_DATA_DIR ?? defaultHubDataDir(projectRoot()));
  const databaseUrl = flags.database ?? process.env.ITDA_HUB_DATABASE_URL;
  const logger = createLogger({ dir: join(dataDir, 'logs'), echo: command === 'serve' });
  const log = (line: string, fields?: Record<string, unknown>) => logger.info(line, fields);

  if (command === 'serve') {
    const portText = flags.port ?? process.env.ITDA_HUB_PORT ?? String(DEFAULT_HUB_PORT);
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      process.stderr.write(`port must be a whole number from 0 to 65535, got "${portText}"\n`);
      return 2;
    }
    const certFile = flags['tls-cert'] ?? process.env.ITDA_HUB_TLS_CERT;
    const keyFile = flags['tls-key'] ?? process.env.ITDA_HUB_TLS_KEY;
    let hub;
    try {
      hub = await startHub({ dataDir, databaseUrl, port, host: flags.listen ?? '127.0.0.1', tls: certFile && keyFile ? { certFile, keyFile } : null, log });
    } catch (err) {
      process.stderr.write(`The hub cannot start: ${(err as Error).message}\n`);
      return 2;
    }
    process.stdout.write(`Itda hub ready at ${hub.url}\n`);
    const stop = async () => {
      await hub.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return null;
  }

  if (!['pair', 'revoke', 'pair-device', 'revoke-device', 'add-pin', 'remove-pin', 'city-token', 'revoke-city-token'].includes(command)) {
    process.stderr.write(`unknown command "${command}"\n${USAGE}`);
    return 2;
  }
  const { pool, postgres } = await openHubDatabase({ dataDir, databaseUrl, log });
  try {
    if (command === 'pair') {
      if (!flags.kiosk) throw new HubError('hub.bad_request', 'say which kiosk: --kiosk KIOSK_ID (its id in the kiosk config, or shown on its staff console)');
      const code = await createPairCode(pool, flags.kiosk, flags.venue ?? process.env.ITDA_HUB_VENUE ?? 'venue');
      if (flags.json) process.stdout.write(JSON.stringify({ code }) + '\n');
      else process.stdout.write(`pairing code for ${flags.kiosk}: ${code}\nvalid for 10 minutes, once. Start the kiosk with ITDA_HUB_URL=<this hub's URL> ITDA_HUB_PAIR_CODE=${code}\n`);
    } else if (command === 'city-token') {
      if (!flags.name) throw new HubError('hub.bad_request', 'name the city reader: --name "seoul-center"');
      const t = await createCityToken(pool, flags.name, 'cli');
      process.stdout.write(
        flags.json
          ? JSON.stringify({ name: t.name, token: t.token, createdAt: t.createdAt }) + '\n'
          : `city export token for ${t.name} (shown this once; the hub keeps only its hash):\n${t.token}\n` +
              `Fetch with: curl -H "Authorization: Bearer ${t.token}" "https://<this hub>/v1/rollup.csv?from=YYYY-MM-DD&to=YYYY-MM-DD"\n` +
              `It reads the roll-up only. End it with: npm run hub -- revoke-city-token --name "${t.name}"\n`,
      );
    } else if (command === 'revoke-city-token') {
      if (!flags.name) throw new HubError('hub.bad_request', 'say which city reader: --name NAME');
      process.stdout.write((await revokeCityToken(pool, flags.name)) ? `city token ${flags.name} revoked: it is refused from now on\n` : `no live city token named ${flags.name}\n`);
    } else if (command === 'revoke') {
      if (!flags.kiosk) throw new HubError('hub.bad_request', 'say which kiosk: --kiosk KIOSK_ID');
      const done = await revokeKiosk(pool, flags.kiosk);
      process.stdout.write(done ? `${flags.kiosk} removed: it must be paired again to send anything\n` : `${flags.kiosk} was not paired\n`);
    } else {
      const staff = new HubStaff(pool, { log });
      if (command === 'pair-device') {
        if (!flags.name) throw new HubError('hub.bad_request', 'name the tablet: --name "front desk"');
        const { code, expiresAt } = await staff.createPairingCode(flags.name, 'cli');
        process.stdout.write(flags.json ? JSON.stringify({ code, expiresAt }) + '\n' : `pairing code for ${flags.name}: ${code}\nOpen <this hub's URL>/staff on the tablet and enter it within 10 minutes; it works once.\n`);
      } else if (command === 'revoke-device') {
        if (!flags.id) throw new HubError('hub.bad_request', 'say which device: --id DEVICE_ID');
        process.stdout.write((await staff.revokeDevice(flags.id)) ? `device ${flags.id} revoked\n` : `no enrolled device ${flags.id}\n`);
      } else if (command === 'add-pin') {
        const role = flags.role;
        if (role !== 'staff' && role !== 'technician' && role !== 'admin') throw new HubError('hub.bad_request', 'say which role: --role staff|technician|admin');
        // The PIN comes on standard input, never as an argument (arguments show in `ps` and shell history).
        const pin = (await readStdin()).split('\n')[0].trim();
        const id = await staff.addPin(role, flags.label ?? role, pin);
        process.stdout.write(flags.json ? JSON.stringify({ id }) + '\n' : `${role} PIN added (id ${id})\n`);
      } else {
        if (!flags.id) throw new HubError('hub.bad_request', 'say which PIN: --id PIN_ID');
        process.stdout.write((await staff.removePin(flags.id)) ? `PIN ${flags.id} removed\n` : `no PIN ${flags.id}\n`);
      }
    }
    return 0;
  } catch (err) {
    process.stderr.write(err instanceof KioskError && err.code === 'staff.pin_invalid' ? `${err.message} (and not a run like 1234 or one digit repeated)\n` : `${(err as Error).message}\n`);
    return 2;
  } finally {
    await pool.end();
    // A cluster this command started only for itself goes down again; the serving hub keeps its own.
    if (postgres && !postgres.wasRunning) await postgres.stop('fast');
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('PIN: ');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) {
    chunks.push(c as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

main().then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (err) => {
    process.stderr.write(`Itda hub failed: ${(err as Error)?.stack ?? err}\n`);
    process.exit(1);
  },
);
