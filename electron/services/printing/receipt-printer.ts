/**
 * The printer driver: real-time status and "print these bytes once".
 * A job is sent only when the printer reports ready; it counts as printed
 * only when every byte was written and the status after the cut shows no
 * fault. Anything else after bytes left is "unknown": the printer may hold
 * or have printed part of it, so it is never resent blindly.
 */
import { escpos, encodeCommands } from './escpos-commands';
import { decodeStatus, isStatusByte, notRespondingStatus, unknownStatus, type PrinterStatus } from './printer-status';
import { realTimers, sleep, type Timers } from './timers';
import { TransportError, type PrinterTransport } from './transports/transport';

export type PrintOutcome =
  /** Written, and the printer reports no fault afterwards. */
  | { kind: 'printed'; status: PrinterStatus }
  /** Nothing was sent: the printer is faulted or unreachable. Safe to send later. */
  | { kind: 'not_sent'; status: PrinterStatus; error: string }
  /** Bytes (maybe some) reached the printer, then a fault or a broken write. Not safe to resend. */
  | { kind: 'unknown'; status: PrinterStatus; error: string };

export interface ReceiptPrinterOptions {
  statusTimeoutMs: number;
  /** Wait after writing before the confirming status check, so the head has started on the job. */
  afterPrintCheckMs: number;
  timers?: Timers;
}

const STATUS_QUERY = encodeCommands([1, 2, 3, 4].map((n) => escpos.statusRequest(n as 1 | 2 | 3 | 4)));

export class ReceiptPrinter {
  private readonly timers: Timers;
  private lock: Promise<unknown> = Promise.resolve();

  constructor(
    readonly transport: PrinterTransport,
    private readonly opts: ReceiptPrinterOptions,
  ) {
    this.timers = opts.timers ?? realTimers;
  }

  get label(): string {
    return this.transport.label;
  }

  /** Asks `DLE EOT 1..4`; never throws. */
  status(): Promise<PrinterStatus> {
    return this.exclusive(() => this.queryStatus());
  }

  print(bytes: Buffer): Promise<PrintOutcome> {
    return this.exclusive(async () => {
      const before = await this.queryStatus();
      if (!isReady(before, this.transport.canRead)) {
        return { kind: 'not_sent', status: before, error: before.faults[0] ?? 'printer.not_responding' } as const;
      }
      try {
        await this.transport.open();
        await this.transport.write(bytes);
      } catch (err) {
        const e = err instanceof TransportError ? err : new TransportError(String(err), false);
        const status = await this.queryStatus();
        if (e.beforeSend) return { kind: 'not_sent', status, error: 'printer.not_responding' } as const;
        return { kind: 'unknown', status, error: 'printer.write_failed' } as const;
      }
      if (this.transport.canRead && this.opts.afterPrintCheckMs > 0) await sleep(this.timers, this.opts.afterPrintCheckMs);
      const after = await this.queryStatus();
      if (isReady(after, this.transport.canRead)) return { kind: 'printed', status: after } as const;
      return { kind: 'unknown', status: after, error: after.faults[0] ?? 'printer.not_responding' } as const;
    });
  }

  close(): Promise<void> {
    return this.exclusive(() => this.transport.close());
  }

  /** Status and jobs never interleave on the wire: a status query inside a raster band would be image data. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => {});
    return run;
  }

  private async queryStatus(): Promise<PrinterStatus> {
    const label = this.transport.label;
    if (!this.transport.canRead) return unknownStatus(label);
    try {
      await this.transport.open();
    } catch {
      return notRespondingStatus(label, new Date(this.timers.now()));
    }
    const got: number[] = [];
    let done: () => void = () => {};
    const complete = new Promise<void>((resolve) => (done = resolve));
    const off = this.transport.onData((chunk) => {
      for (const b of chunk) if (got.length < 4 && isStatusByte(b)) got.push(b);
      if (got.length >= 4) done();
    });
    const timer = this.timers.setTimeout(done, this.opts.statusTimeoutMs);
    try {
      await this.transport.write(STATUS_QUERY);
      await complete;
    } catch {
      // A failed write is a printer that cannot be reached.
    } finally {
      this.timers.clearTimeout(timer);
      off();
    }
    const at = new Date(this.timers.now());
    if (got.length < 4) return notRespondingStatus(label, at);
    return decodeStatus(got as [number, number, number, number], label, at);
  }
}

/** Ready: answered with no fault; or a write-only device that cannot answer. */
export function isReady(s: PrinterStatus, canRead: boolean): boolean {
  return s.state === 'ok' || (!canRead && s.state === 'unknown');
}
