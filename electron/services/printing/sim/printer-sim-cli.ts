/**
 * `npm run sim:printer -- --port 9100 --out DIR [--state FILE] [--width 576|384] [--listen ADDR] [--serial /dev/pts/N --baud 19200]`
 *
 * A printer on the network (or a serial line) for a fresh install or a
 * test: accepts ESC/POS, writes each job as text + PNG into DIR, answers
 * DLE EOT, and takes faults from the JSON state file (`{"paperOut": true}`),
 * re-read on every status request.
 */
import { resolve } from 'node:path';
import { parseFlags } from '../../config/runtime-options';
import { PrinterSimCore } from './printer-sim-core';
import { attachSimSerial, startSimTcpServer } from './printer-sim-server';
import { simStateReader, writeSimJob } from './sim-files';

const USAGE = `사용법 / usage: npm run sim:printer -- --port 9100 --out DIR [--state FILE] [--width 576|384] [--listen 127.0.0.1] [--serial PATH --baud 19200]`;

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const width = Number(flags.width ?? 576);
  if (width !== 576 && width !== 384) return usage(`--width must be 576 or 384, got ${flags.width}`);
  if (!flags.out) return usage('--out DIR is required (where jobs are written)');
  const out = resolve(flags.out);
  const core = new PrinterSimCore({
    widthDots: width,
    warn: (m) => process.stderr.write(`warning: ${m}\n`),
    readFaults: flags.state ? simStateReader(resolve(flags.state), (m) => process.stderr.write(m + '\n')) : undefined,
    onJob: (job) => {
      // A job the simulator cannot write (disk full) must not take the printer down with it.
      try {
        const files = writeSimJob(out, job, width);
        process.stdout.write(`job ${job.seq}: ${job.bytes} bytes${job.uncut ? ' (no cut: connection closed)' : ''} → ${files.txt}\n`);
      } catch (err) {
        process.stderr.write(`warning: cannot write job ${job.seq}: ${(err as Error).message}\n`);
      }
    },
  });
  const closers: (() => Promise<void>)[] = [];
  if (flags.serial) {
    const baud = Number(flags.baud ?? 19200);
    const s = await attachSimSerial(core, flags.serial, baud);
    closers.push(s.close);
    process.stdout.write(`printer simulator on serial ${flags.serial} at ${baud} baud, writing to ${out}\n`);
  }
  if (flags.port !== undefined || !flags.serial) {
    const port = Number(flags.port ?? 9100);
    if (!Number.isInteger(port) || port < 0 || port > 65535) return usage(`--port must be 0..65535, got ${flags.port}`);
    const server = await startSimTcpServer(core, { port, host: flags.listen ?? '127.0.0.1' });
    closers.push(server.close);
    // Tests start with --port 0 and read the real port from this line.
    process.stdout.write(`printer simulator listening on tcp://${server.host}:${server.port}, writing to ${out}\n`);
  }
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  for (const c of closers) await c();
  return 0;
}

function usage(problem: string): number {
  process.stderr.write(`${problem}\n${USAGE}\n`);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`printer simulator failed: ${(err as Error).message}\n`);
    process.exit(3);
  },
);
