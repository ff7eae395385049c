/**
 * `npm run staff -- <command> [--data DIR]`: staff tasks on the kiosk
 * machine itself, for whoever can log in to it (the same trust as reading
 * the data dir). It opens the kiosk's database directly; the running kiosk
 * sees the result at once (SQLite WAL allows both).
 *
 * Commands (one function each, in `commands` below):
 *   pair-device --name NAME   a one-time code to enroll a staff tablet (10 minutes, once)
 *
 * Exit status: 0 done, 2 usage error, 1 anything else.
 */
import { join } from 'node:path';
import { parseFlags, resolveRuntimeOptions } from '../../config/runtime-options';
import { projectRoot } from '../../app/project-paths';
import { openDatabase, type Db } from '../../storage/database';
import { restrictNewFiles } from '../../storage/data-modes';
import { StaffDevices } from '../staff-devices';

const USAGE = `사용법 / usage: npm run staff -- <command> [--data DIR]
  pair-device --name NAME   태블릿 등록 코드 (10분, 한 번) / a one-time code to enroll a staff tablet (10 minutes, once)`;

class UsageError extends Error {}

type Command = (flags: Record<string, string>, db: Db) => number;

const commands: Record<string, Command> = {
  'pair-device': (flags, db) => {
    const name = flags.name;
    if (!name || name === 'true') throw new UsageError('기기 이름을 주세요 / give the device a name: --name "front desk tablet"');
    const { code, expiresAt } = new StaffDevices(db).createPairingCode(name, 'cli');
    const until = new Date(expiresAt).toLocaleTimeString('ko-KR', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    process.stdout.write(`기기 등록 코드 / pairing code for "${name.trim()}": ${code}\n`);
    process.stdout.write(`태블릿에서 https://<키오스크 주소>:<포트>/ 를 열고 이 코드를 넣으세요. ${until}까지, 한 번만 쓸 수 있어요.\n`);
    process.stdout.write(`Open https://<kiosk address>:<port>/ on the tablet and enter this code. Valid until ${until} (Seoul), once.\n`);
    return 0;
  },
};

function main(argv: string[]): number {
  const flags = parseFlags(argv);
  const command = argv.find((a, i) => !a.startsWith('--') && (i === 0 || !argv[i - 1].startsWith('--') || argv[i - 1].includes('=')));
  if (!command || flags.help) throw new UsageError('명령을 주세요 / give a command');
  const run = commands[command];
  if (!run) throw new UsageError(`알 수 없는 명령 / unknown command "${command}"`);
  const rt = resolveRuntimeOptions(flags, process.env, { dataDir: join(projectRoot(), 'data') });
  restrictNewFiles();
  const db = openDatabase({ dataDir: rt.dataDir });
  try {
    return run(flags, db);
  } finally {
    db.close();
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`staff: ${(err as Error)?.message ?? err}\n`);
    process.exitCode = 1;
  }
}
