/**
 * `npm run sim:vending -- --link /tmp/vmcA [--slots 10] [--state FILE] [--vend-ms 1500] [--baud 9600]`
 *
 * A VMC (protocol v1.1) on a PTY: socat makes the pair, the host opens
 * `--link`. Prints `READY <link>` when the host may open it, then one JSON
 * line per motor run. Faults come from the JSON `--state` file (see
 * `sim-faults.ts`), applied whenever its content changes:
 *   {"doorOpen": true, "slots": {"3": "jam"}, "loseReplies": 2, "powerCycle": true}
 */
import { parseFlags } from '../../config/runtime-options';
import { startPtySim } from './pty-sim';

const USAGE = `사용법 / usage: npm run sim:vending -- --link PATH [--slots N] [--state FILE] [--vend-ms MS] [--baud BAUD]`;

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2));
  if (!flags.link || flags.link === 'true' || flags.help) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const num = (name: string, def: number, min: number, max: number) => {
    if (flags[name] === undefined) return def;
    const n = Number(flags[name]);
    if (!Number.isInteger(n) || n < min || n > max) throw new TypeError(`--${name} must be a whole number from ${min} to ${max}, got "${flags[name]}"`);
    return n;
  };
  const sim = await startPtySim({
    link: flags.link,
    slots: num('slots', 10, 1, 255),
    vendMs: num('vend-ms', 1500, 0, 7500),
    baud: num('baud', 9600, 1200, 115200),
    stateFile: flags.state,
    firmware: flags.firmware,
  });
  sim.board.onMotorRun((r) => process.stdout.write(JSON.stringify({ event: 'motor', ...r }) + '\n'));
  process.stdout.write(`READY ${sim.link}\n`);
  process.stderr.write(`가상 자판기 준비됨 / simulated VMC ready: ${sim.link} (${sim.board.slots} slots)\n`);
  await new Promise<void>((resolve) => {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => resolve());
  });
  await sim.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`시뮬레이터 오류 / simulator error: ${(err as Error).message}\n`);
    process.exit(2);
  },
);
