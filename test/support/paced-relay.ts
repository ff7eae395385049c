/**
 * A serial line at a real speed. A PTY ignores the baud rate (bytes cross
 * at memory speed), so a test that needs a 19200-baud line puts this relay
 * between two socat PTY pairs:
 *
 *   client ── pty pair A ── relay (paces bytes at baud/10 a second) ── pty pair B ── printer
 *
 * Both directions are paced, as on a real line (10 bits a byte: start, 8
 * data, stop). The relay reads as fast as the PTY gives and holds what it
 * has not yet "sent", the way a UART's FIFO and the OS buffer do.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SerialPort } from 'serialport';

export const socatAvailable = (): boolean => spawnSync('socat', ['-V']).status === 0;

export interface PacedLine {
  /** The end the client (the kiosk's serial transport) opens. */
  clientPath: string;
  /** The end the printer (simulator) opens. */
  printerPath: string;
  /** Bytes the relay carried toward the printer. */
  readonly bytesToPrinter: number;
  close(): Promise<void>;
}

async function ptyPair(dir: string, name: string): Promise<{ a: string; b: string; proc: ChildProcess }> {
  const a = join(dir, `${name}-a`);
  const b = join(dir, `${name}-b`);
  const proc = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(existsSync(a) && existsSync(b)); i++) await new Promise((r) => setTimeout(r, 50));
  if (!existsSync(a) || !existsSync(b)) throw new Error('socat did not create the PTY pair');
  return { a, b, proc };
}

function openPort(path: string, baudRate: number): Promise<SerialPort> {
  const p = new SerialPort({ path, baudRate, autoOpen: false });
  return new Promise((resolve, reject) => p.open((err) => (err ? reject(err) : resolve(p))));
}

/** One direction: bytes in, out again no faster than the line allows. */
function pace(from: SerialPort, to: SerialPort, baud: number, count: (n: number) => void): () => void {
  const bytesPerTick = Math.max(1, Math.round(baud / 10 / 100)); // a tick every 10 ms
  let queue: Buffer[] = [];
  let queued = 0;
  from.on('data', (chunk: Buffer) => {
    queue.push(chunk);
    queued += chunk.length;
  });
  const start = Date.now();
  let sent = 0;
  const timer = setInterval(() => {
    // Time-based budget so timer jitter does not slow the line below its rate.
    const allowed = Math.floor(((Date.now() - start) * baud) / 10_000) - sent;
    let n = Math.min(queued, Math.max(0, allowed), bytesPerTick * 4);
    if (n <= 0) {
      if (queued === 0) sent = Math.floor(((Date.now() - start) * baud) / 10_000); // an idle line saves no credit
      return;
    }
    const out: Buffer[] = [];
    while (n > 0 && queue.length) {
      const head = queue[0];
      if (head.length <= n) {
        out.push(head);
        queue.shift();
        n -= head.length;
      } else {
        out.push(head.subarray(0, n));
        queue[0] = head.subarray(n);
        n = 0;
      }
    }
    const buf = Buffer.concat(out);
    queued -= buf.length;
    sent += buf.length;
    count(buf.length);
    if (to.isOpen) to.write(buf);
  }, 10);
  return () => {
    clearInterval(timer);
    queue = [];
  };
}

export async function startPacedLine(dir: string, baud: number): Promise<PacedLine> {
  const client = await ptyPair(dir, 'client');
  const printer = await ptyPair(dir, 'printer');
  const fromClient = await openPort(client.b, baud);
  const toPrinter = await openPort(printer.a, baud);
  let bytesToPrinter = 0;
  const stops = [pace(fromClient, toPrinter, baud, (n) => (bytesToPrinter += n)), pace(toPrinter, fromClient, baud, () => {})];
  return {
    clientPath: client.a,
    printerPath: printer.b,
    get bytesToPrinter() {
      return bytesToPrinter;
    },
    async close() {
      for (const s of stops) s();
      await Promise.all([fromClient, toPrinter].map((p) => new Promise<void>((r) => (p.isOpen ? p.close(() => r()) : r()))));
      for (const proc of [client.proc, printer.proc]) {
        if (proc.exitCode !== null) continue;
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
    },
  };
}
