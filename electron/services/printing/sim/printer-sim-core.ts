/**
 * The printer simulator: takes ESC/POS bytes as a real Epson-compatible
 * printer does and answers `DLE EOT` at once, even while offline. While a
 * fault stops the mechanism (paper out, cover open, offline, cutter error)
 * the received data is held, as in the printer's buffer, and printed when
 * the fault clears (so a job interrupted by a paper-out finishes after the
 * paper is loaded: resending it would print it twice). Each cut ends a job, handed to `onJob` as decoded items.
 * One core serves the in-process `sim` printer, the TCP simulator and PTYs.
 */
import type { SimFaults, SimFaultsInput } from '../../../contract/printing-api';
import { EscPosDecoder, type DecodedOp } from '../escpos-decoder';
import { PaperModel, type PaperItem } from '../paper-model';

export const noFaults: SimFaults = {
  paperOut: false,
  coverOpen: false,
  nearEnd: false,
  offline: false,
  cutterError: false,
  noResponse: false,
};

export interface SimJob {
  seq: number;
  items: PaperItem[];
  bytes: number;
}

export interface PrinterSimCoreOptions {
  onJob?(job: SimJob): void;
  /** Read before each status answer and each chunk (the state file); returns the current faults. */
  readFaults?(): SimFaults | null;
  /** Writes faults set through the API back to the state file, so the file stays the one truth. */
  persistFaults?(faults: SimFaults): void;
}

export class PrinterSimCore {
  private readonly decoder = new EscPosDecoder();
  private readonly paper = new PaperModel();
  private held: DecodedOp[] = [];
  private faultsNow: SimFaults = { ...noFaults };
  private jobSeq = 0;
  private bytesSinceCut = 0;

  constructor(private readonly opts: PrinterSimCoreOptions = {}) {}

  get faults(): SimFaults {
    this.syncFaults();
    return { ...this.faultsNow };
  }

  setFaults(patch: SimFaultsInput): SimFaults {
    this.syncFaults();
    this.faultsNow = { ...this.faultsNow, ...dropUndefined(patch) };
    this.opts.persistFaults?.(this.faultsNow);
    this.resume();
    return { ...this.faultsNow };
  }

  /** Feeds received bytes; returns the bytes the printer sends back (status replies). */
  receive(chunk: Buffer): Buffer {
    this.syncFaults();
    this.bytesSinceCut += chunk.length;
    const replies: number[] = [];
    for (const op of this.decoder.push(chunk)) {
      if (op.op === 'status-request') {
        // Real-time: answered ahead of held data, unless the cable is "unplugged".
        if (!this.faultsNow.noResponse) replies.push(this.statusByte(op.n));
        continue;
      }
      if (this.stopped() || this.held.length) this.held.push(op);
      else this.process(op);
    }
    return Buffer.from(replies);
  }

  /** The reply byte to `DLE EOT n`. */
  statusByte(n: number): number {
    const f = this.faultsNow;
    const cutter = f.cutterError;
    switch (n) {
      case 1:
        return 0x12 | (this.stopped() || cutter ? 0x08 : 0);
      case 2:
        return 0x12 | (f.coverOpen ? 0x04 : 0) | (f.paperOut ? 0x20 : 0) | (cutter ? 0x40 : 0);
      case 3:
        return 0x12 | (cutter ? 0x08 : 0);
      case 4:
        return 0x12 | (f.nearEnd || f.paperOut ? 0x0c : 0) | (f.paperOut ? 0x60 : 0);
      default:
        return 0x12;
    }
  }

  private stopped(): boolean {
    const f = this.faultsNow;
    return f.paperOut || f.coverOpen || f.offline || f.cutterError;
  }

  private process(op: DecodedOp): void {
    for (const items of this.paper.apply([op])) this.emit(items);
  }

  private emit(items: PaperItem[]): void {
    const bytes = this.bytesSinceCut;
    this.bytesSinceCut = 0;
    this.opts.onJob?.({ seq: ++this.jobSeq, items, bytes });
  }

  private resume(): void {
    while (this.held.length && !this.stopped()) this.process(this.held.shift()!);
  }

  private syncFaults(): void {
    const fromFile = this.opts.readFaults?.();
    if (!fromFile) return;
    const wasStopped = this.stopped();
    this.faultsNow = fromFile;
    if (wasStopped && !this.stopped()) this.resume();
  }
}

function dropUndefined(p: SimFaultsInput): Partial<SimFaults> {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Partial<SimFaults>;
}
