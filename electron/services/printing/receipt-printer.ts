/**
 * The printer driver: real-time status and "print these bytes once".
 * A job is sent only when the printer reports ready. It counts as printed
 * only when the printer acknowledges its last byte: an in-sequence reply
 * (`GS r 1` or `GS ( H`, see `print-ack.ts`) appended to the job and read
 * on the same connection before it is released. A write error, a dropped
 * connection or no reply within the wire-and-printer budget makes it
 * "unknown": the printer may hold or have printed part of it, so it is
 * never resent blindly. A status check after the fact proves nothing: the
 * issue that led here saw a dropped TCP job reported "printed" because the
 * check ran on a fresh connection to a healthy printer.
 */
import { escpos, encodeCommands } from './escpos-commands';
import { ackBudgetMs, ackCommand, AckMatcher, type AckKind } from './print-ack';
import { decodeStatus, isStatusByte, notRespondingStatus, unknownStatus, type PrinterStatus } from './printer-status';
import { dateClock, type Clock } from '../devices/device-clock';
import { TransportError, type PrinterTransport } from './transports/transport';

/** Why a job's end is unknown. */
export type UnknownCause = 'printer.write_failed' | 'printer.connection_lost' | 'printer.no_ack';

export type PrintOutcome =
  /**
   * The printer acknowledged the job's last byte (`confirmed`), or a write-only device
   * took every byte and cannot say more (`confirmed: false`).
   */
  | { kind: 'printed'; status: PrinterStatus; confirmed: boolean; ms: number }
  /** Nothing was sent: the printer is faulted or unreachable. Safe to send later. */
  | { kind: 'not_sent'; status: PrinterStatus; error: string }
  /** Bytes (maybe some) reached the printer, and no acknowledgement came. Not safe to resend. */
  | { kind: 'unknown'; status: PrinterStatus; error: UnknownCause; ms: number; budgetMs: number };

export interface ReceiptPrinterOptions {
  statusTimeoutMs: number;
  /** How the job is confirmed (from the printer profile). */
  ack: AckKind;
  /** The printer's own time to print a slip once it has the last byte (from the profile or config). */
  printerTimeMs: number;
  /** The serial line's speed, so the wait for the acknowledgement covers the time on the wire; null on TCP, USB, sim. */
  baudRate: number | null;
  clock?: Clock;
}

const STATUS_QUERY = encodeCommands([1, 2, 3, 4].map((n) => escpos.statusRequest(n as 1 | 2 | 3 | 4)));

export class ReceiptPrinter {
  private readonly clock: Clock;
  private lock: Promise<unknown> = Promise.resolve();
  private jobSeq = Math.floor(Math.random() * 10_000);

  constructor(
    readonly transport: PrinterTransport,
    private readonly opts: ReceiptPrinterOptions,
  ) {
    this.clock = opts.clock ?? dateClock;
  }

  get label(): string {
    return this.transport.label;
  }

  /** Asks `DLE EOT 1..4`; never throws. */
  status(): Promise<PrinterStatus> {
    return this.exclusive(() => this.queryStatus());
  }

  /** The wait for a job of this many bytes (wire time at the line speed plus the printer's time). */
  budgetFor(jobBytes: number): number {
    return ackBudgetMs(jobBytes, { baudRate: this.opts.baudRate }, this.opts.printerTimeMs);
  }

  print(bytes: Buffer): Promise<PrintOutcome> {
    return this.exclusive(async () => {
      const before = await this.queryStatus();
      if (!isReady(before, this.transport.canRead)) {
        return { kind: 'not_sent', status: before, error: before.faults[0] ?? 'printer.not_responding' } as const;
      }
      const started = this.clock.now();
      if (!this.transport.canRead) return this.printBlind(bytes, before, started);

      const ack = this.opts.ack;
      const matcher = new AckMatcher(ack, ++this.jobSeq);
      const wire = Buffer.concat([bytes, ackCommand(ack, this.jobSeq)]);
      const budgetMs = this.budgetFor(wire.length);
      type End = 'ack' | 'not_sent' | UnknownCause;
      let settle: (r: End) => void = () => {};
      const result = new Promise<End>((resolve) => (settle = resolve));
      // Listen before writing: on a fast link the reply can beat the write's callback.
      const offData = this.transport.onData((chunk) => {
        if (matcher.feed(chunk)) settle('ack');
      });
      const offClose = this.transport.onClose(() => settle('printer.connection_lost'));
      const timer = this.clock.setTimeout(() => settle('printer.no_ack'), budgetMs);
      let outcome: End;
      try {
        await this.transport.open();
        // Not awaited alone: a write into a peer that stopped reading may never call back, and the budget still ends it.
        this.transport.write(wire).catch((err: unknown) => {
          settle(err instanceof TransportError && err.beforeSend ? 'not_sent' : 'printer.write_failed');
        });
        outcome = await result;
      } catch {
        outcome = 'not_sent';
      } finally {
        offData();
        offClose();
        this.clock.clearTimeout(timer);
      }
      if (outcome === 'not_sent') return { kind: 'not_sent', status: await this.queryStatus(), error: 'printer.not_responding' } as const;
      const ms = this.clock.now() - started;
      if (outcome === 'ack') return { kind: 'printed', status: await this.queryStatus(), confirmed: true, ms } as const;
      // Release this connection: a late reply must never be read as the next job's acknowledgement.
      await this.transport.close().catch(() => {});
      return { kind: 'unknown', status: await this.queryStatus(), error: outcome, ms, budgetMs } as const;
    });
  }

  /** A write-only device (`file:`): every byte taken by the kernel is all it can ever say. */
  private async printBlind(bytes: Buffer, before: PrinterStatus, started: number): Promise<PrintOutcome> {
    try {
      await this.transport.open();
      await this.transport.write(bytes);
    } catch (err) {
      const e = err instanceof TransportError ? err : new TransportError(String(err), false);
      if (e.beforeSend) return { kind: 'not_sent', status: before, error: 'printer.not_responding' };
      return { kind: 'unknown', status: before, error: 'printer.write_failed', ms: this.clock.now() - started, budgetMs: 0 };
    }
    return { kind: 'printed', status: before, confirmed: false, ms: this.clock.now() - started };
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
      return notRespondingStatus(label, new Date(this.clock.now()));
    }
    const got: number[] = [];
    let done: () => void = () => {};
    const complete = new Promise<void>((resolve) => (done = resolve));
    const off = this.transport.onData((chunk) => {
      for (const b of chunk) if (got.length < 4 && isStatusByte(b)) got.push(b);
      if (got.length >= 4) done();
    });
    const timer = this.clock.setTimeout(done, this.opts.statusTimeoutMs);
    try {
      await this.transport.write(STATUS_QUERY);
      await complete;
    } catch {
      // A failed write is a printer that cannot be reached.
    } finally {
      this.clock.clearTimeout(timer);
      off();
    }
    const at = new Date(this.clock.now());
    if (got.length < 4) return notRespondingStatus(label, at);
    return decodeStatus(got as [number, number, number, number], label, at);
  }
}

/** Ready: answered with no fault; or a write-only device that cannot answer. */
export function isReady(s: PrinterStatus, canRead: boolean): boolean {
  return s.state === 'ok' || (!canRead && s.state === 'unknown');
}
