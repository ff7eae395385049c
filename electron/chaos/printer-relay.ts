/**
 * A loopback TCP relay between the kiosk and the printer simulator, for the
 * faults a printer's network link has that the simulator cannot show: the
 * connection dropped part-way through a job, a printer that stops reading
 * (hang), one that refuses connections, and a slow line (19200 baud is
 * 1,920 bytes a second). The kiosk's printer URI points here; the relay
 * forwards to the simulator. It counts what it cut so a report can say so.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface RelayFaults {
  /** Cut the next connection after this many more bytes from the kiosk (one-shot). */
  dropAfterBytes: number | null;
  /** Stop forwarding in both directions (data waits, as in a printer that stopped reading). */
  hang: boolean;
  /** Close new connections at once. */
  refuse: boolean;
  /** Bytes per second towards the printer, as a serial line would carry them (null: as fast as loopback). */
  bytesPerSecond: number | null;
}

export interface PrinterRelay {
  port: number;
  /** Changes the faults; a cleared hang lets the waiting data through. */
  set(patch: Partial<RelayFaults>): void;
  readonly faults: RelayFaults;
  /** Connections cut by `dropAfterBytes`. */
  readonly drops: number;
  /** Connections closed by `refuse`. */
  readonly refusals: number;
  close(): Promise<void>;
}

export const noRelayFaults: RelayFaults = { dropAfterBytes: null, hang: false, refuse: false, bytesPerSecond: null };

interface Pair {
  client: Socket;
  printer: Socket;
  /** Kiosk → printer bytes not forwarded yet (hang, slow line). */
  pending: Buffer[];
  /** Printer → kiosk bytes held during a hang. */
  back: Buffer[];
  timer: NodeJS.Timeout | null;
}

export interface RelayOptions {
  /** Every chunk handed on to the printer, as sent (for a broken run's wire log). */
  onForward?(chunk: Buffer): void;
}

export async function startPrinterRelay(target: { host: string; port: number }, opts: RelayOptions = {}): Promise<PrinterRelay> {
  const forward = (p: Pair, chunk: Buffer, done?: () => void) => {
    opts.onForward?.(chunk);
    p.printer.write(chunk, done);
  };
  let faults: RelayFaults = { ...noRelayFaults };
  let drops = 0;
  let refusals = 0;
  const pairs = new Set<Pair>();

  const end = (p: Pair) => {
    if (p.timer) clearTimeout(p.timer);
    p.timer = null;
    p.client.destroy();
    p.printer.destroy();
    pairs.delete(p);
  };

  /** Moves held bytes on, at the line's pace when it is slow. */
  const pump = (p: Pair) => {
    if (faults.hang || p.timer) return;
    while (p.back.length) p.client.write(p.back.shift()!);
    while (p.pending.length) {
      let chunk = p.pending[0];
      if (faults.dropAfterBytes !== null) {
        if (chunk.length >= faults.dropAfterBytes) {
          // Forward exactly up to the cut, then drop both sides as a pulled cable would.
          const head = chunk.subarray(0, faults.dropAfterBytes);
          faults = { ...faults, dropAfterBytes: null };
          drops++;
          if (head.length) forward(p, head, () => end(p));
          else end(p);
          return;
        }
        faults = { ...faults, dropAfterBytes: faults.dropAfterBytes - chunk.length };
      }
      if (faults.bytesPerSecond !== null) {
        // One slice per 50 ms tick at the line's rate.
        const slice = Math.max(1, Math.floor(faults.bytesPerSecond / 20));
        if (chunk.length > slice) {
          p.pending[0] = chunk.subarray(slice);
          chunk = chunk.subarray(0, slice);
        } else p.pending.shift();
        forward(p, chunk);
        p.timer = setTimeout(() => {
          p.timer = null;
          pump(p);
        }, 50);
        return;
      }
      p.pending.shift();
      forward(p, chunk);
    }
  };

  const server: Server = createServer((client) => {
    if (faults.refuse) {
      refusals++;
      client.destroy();
      return;
    }
    client.pause();
    const printer = createConnection(target);
    const p: Pair = { client, printer, pending: [], back: [], timer: null };
    pairs.add(p);
    printer.once('connect', () => client.resume());
    client.on('data', (chunk) => {
      p.pending.push(chunk);
      pump(p);
    });
    printer.on('data', (chunk) => {
      p.back.push(chunk);
      pump(p);
    });
    for (const s of [client, printer]) {
      s.on('error', () => end(p));
      s.on('close', () => {
        // The kiosk closing after its job: let what is still on the slow line arrive first.
        if (s === client && (p.pending.length || p.timer) && !printer.destroyed) {
          const wait = setInterval(() => {
            if (printer.destroyed || (!p.pending.length && !p.timer)) {
              clearInterval(wait);
              printer.end();
              pairs.delete(p);
            }
          }, 50);
          wait.unref();
          return;
        }
        end(p);
      });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    port,
    get faults() {
      return { ...faults };
    },
    get drops() {
      return drops;
    },
    get refusals() {
      return refusals;
    },
    set(patch) {
      faults = { ...faults, ...patch };
      if (!faults.hang) for (const p of pairs) pump(p);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const p of [...pairs]) end(p);
        server.close(() => resolve());
      }),
  };
}
