/**
 * Staff CLI, run on the kiosk machine itself (whoever can run it can read the
 * database anyway):
 *   npm run staff -- <command> [--data DIR] [--config FILE]
 * Commands:
 *   setup-code                a new one-time code for the first admin PIN, as one line
 *                             `staff setup code: CODE`; the code printed earlier stops working.
 *   pair-device --name NAME   a one-time code to enroll a staff tablet (10 minutes, once)
 * It opens the kiosk's database directly; the running kiosk sees the result at
 * once (SQLite WAL allows both).
 * Exit codes: 0 ok, 1 refused (for example an admin PIN already exists), 2 usage.
 * Each command is one entry of `COMMANDS`; add new ones there.
 */
import { join } from 'node:path';
import { parseFlags, resolveRuntimeOptions } from '../../config/runtime-options';
import { loadConfig } from '../../config/load-config';
import { projectRoot } from '../../app/project-paths';
import { createLogger, type Logger } from '../../app/logger';
import { openDatabase, ensureSetting, type Db } from '../../storage/database';
import { EventLog } from '../../storage/event-log';
import { ulid } from '../../storage/ids';
import type { KioskConfig } from '../../config/config-schema';
import { staffEventSchemas } from '../staff-events';
import { SetupCodes, setupCodeLine } from '../setup-code';
import { StaffDevices } from '../staff-devices';
import { restrictNewFiles } from '../../storage/data-modes';

export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

/** What a command gets: the kiosk's config, data dir, database, event log and log. */
export interface StaffCliContext {
  args: string[];
  flags: Record<string, string>;
  config: KioskConfig;
  dataDir: string;
  db: Db;
  events: EventLog;
  logger: Logger;
  out(line: string): void;
}

type Command = { usage: string; run(c: StaffCliContext): Promise<number> };

export const COMMANDS: Record<string, Command> = {
  'setup-code': {
    usage: 'setup-code',
    async run(c) {
      const hasAdmin = c.db.prepare("SELECT 1 FROM staff_pins WHERE role = 'admin' AND removed_at IS NULL").get();
      if (hasAdmin) {
        c.out('관리자 PIN이 이미 있어 설정 코드가 필요 없습니다. PIN을 잊었다면 다른 관리자에게 부탁하세요. / An admin PIN already exists: no setup code is needed.');
        return EXIT.refused;
      }
      const code = await new SetupCodes(c.db).issue();
      c.logger.info(setupCodeLine(code));
      c.events.append('staff.setup_code_issued', { printJobId: null });
      c.out(setupCodeLine(code));
      c.out('직원 화면의 첫 관리자 설정에 넣으세요. 한 번만 쓸 수 있고, 전에 받은 코드는 이제 쓸 수 없습니다. / Enter it on the first-admin screen; it works once, and any earlier code no longer works.');
      return EXIT.ok;
    },
  },
  'pair-device': {
    usage: 'pair-device --name NAME',
    async run(c) {
      const name = c.flags.name;
      if (!name || name === 'true') {
        c.out('기기 이름을 주세요 / give the device a name: --name "front desk tablet"');
        return EXIT.usage;
      }
      const { code, expiresAt } = new StaffDevices(c.db).createPairingCode(name, 'cli');
      const until = new Date(expiresAt).toLocaleTimeString('ko-KR', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      c.out(`기기 등록 코드 / pairing code for "${name.trim()}": ${code}`);
      c.out(`태블릿에서 https://<키오스크 주소>:<포트>/ 를 열고 이 코드를 넣으세요. ${until}까지, 한 번만 쓸 수 있어요.`);
      c.out(`Open https://<kiosk address>:<port>/ on the tablet and enter this code. Valid until ${until} (Seoul), once.`);
      return EXIT.ok;
    },
  },
};

const usage = () => `사용법 / usage: npm run staff -- <${Object.values(COMMANDS).map((c) => c.usage).join(' | ')}> [--data DIR] [--config FILE]`;

export async function runStaffCli(argv: string[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const flags = parseFlags(argv);
  const positional = argv.filter((a, i) => !a.startsWith('--') && !(i > 0 && argv[i - 1].startsWith('--') && !argv[i - 1].includes('=') && flags[argv[i - 1].slice(2)] === a));
  const [name, ...args] = positional;
  const command = name ? COMMANDS[name] : undefined;
  if (!command || flags.help) {
    out(usage());
    return EXIT.usage;
  }
  const rt = resolveRuntimeOptions(flags, process.env, { dataDir: join(projectRoot(), 'data') });
  const config = loadConfig({ file: rt.configFile, required: rt.configRequired });
  // Files the CLI creates (database, log) are owner-only, as the host's are.
  restrictNewFiles();
  const logger = createLogger({ dir: join(rt.dataDir, 'logs'), component: 'staff-cli', echo: false });
  const db = openDatabase({ dataDir: rt.dataDir });
  try {
    const kioskId = config.kioskId ?? ensureSetting(db, 'kiosk_id', () => `kiosk-${ulid().slice(-8).toLowerCase()}`);
    const events = new EventLog(db, kioskId, {});
    events.register(staffEventSchemas);
    return await command.run({ args, flags, config, dataDir: rt.dataDir, db, events, logger, out });
  } finally {
    db.close();
  }
}

// Run as a script (`npm run staff`), not when a test imports it.
if (process.argv[1] && /staff-cli\.[tj]s$/.test(process.argv[1])) {
  runStaffCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`staff CLI failed: ${(err as Error)?.message ?? err}\n`);
      process.exit(1);
    },
  );
}
