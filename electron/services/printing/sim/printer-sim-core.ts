/**
 * The printer simulator: takes ESC/POS bytes as a real Epson-compatible
 * printer does and answers `DLE EOT` at once, even while offline. While a
 * fault stops the mechanism (paper out, cover open, offline, cutter error)
 * the received data is held, as in the printer's buffer, and printed when
 * the fault clears (so a job interrupted by a paper-out finishes after the
 * paper is loaded: resending it would print it twice). `GS r` and `GS ( H`
 * are answered in sequence: only once every byte before them is processed,
 * which is what lets the driver count a job as printed.
 *
 * Each connection (a TCP socket, a serial port, the in-process pipe) has its
 * own parser: a connection that closes mid-command loses that command, and
 * what it printed without a cut ends as its own job, never joined to the
 * next. One core is one printer: one paper roll, one set of faults.
 */
import type { SimFaults, SimFaultsInput } from '../../../contract/printing-api';
import { EscPosDecoder, type DecodedOp } from '../escpos-decoder';
import { PaperModel, type PaperItem } from '../paper-model';
import { paperSensorReply, printerIdReply, statusReply } from './printer-replies';

export const noFaults: SimFaults = {
  paperOut: false,
  coverOpen: false,
  nearEnd: false,
  offline: false,
  cutterError: false,
  noResponse: false,
  dropAfterBytes: null,
};

export interface SimJob {
  seq: number;
  items: PaperItem[];
  bytes: number;
  /** The job ended because its connection closed, not at a cut. */
  uncut?: boolean;
}

export interface PrinterSimCoreOptions {
  onJob?(job: SimJob): void;
  /** Read before each status answer and each chunk (the state file); returns the current faults. */
  readFaults?(): SimFaults | null;
  /** Writes faults set through the API back to the state file, so the file stays the one truth. */
  persistFaults?(faults: SimFaults): void;
  /** Warnings about data the printer could not make sense of (skipped commands). */
  warn?(message: string): void;
  /** Paper width in dots (lines wrap there): 576 (80 mm, the default) or 384 (58 mm). */
  widthDots?: number;
  /** The clock the parser uses to drop a command that never completes (tests inject one). */
  now?(): number;
}

/**
 * Received data held while the mechanism is stopped, at most this much (a real printer's
 * buffer is a few KB to a few hundred; it stops reading when full). Past it, data is dropped
 * with a warning rather than growing without end.
 */
export const MAX_HELD_BYTES = 4 * 1024 * 1024;

/** One link to the printer. `receive` returns the replies due at once; later ones go to `send`. */
export interface SimConnection {
  receive(chunk: Buffer): Buffer;
  /** The link closed: a half command is dropped and an uncut job ends. */
  end(): void;
  readonly closed: boolean;
  /** Bytes of a half-received command (never more than one bounded command). */
  readonly pendingBytes: number;
}

interface Held {
  op: DecodedOp;
  conn: ConnState;
  bytes: number;
}

interface ConnState {
  decoder: EscPosDecoder;
  send: (reply: Buffer) => void;
  drop: () => void;
  /** Replies collected while `receive` runs, returned from it. */
  immediate: number[] | null;
  closed: boolean;
  /** Bytes of the current job counted for the drop knob, or -1 before its `ESC @`. */
  jobBytes: number;
}

export class PrinterSimCore {
  private readonly paper: PaperModel;
  private held: Held[] = [];
  private heldBytes = 0;
  private droppedWarned = false;
  private faultsNow: SimFaults = { ...noFaults };
  private jobSeq = 0;
  private bytesSinceCut = 0;
  private readonly fallback: SimConnection;

  constructor(private readonly opts: PrinterSimCoreOptions = {}) {
    this.paper = new PaperModel(opts.widthDots ?? 576);
    this.fallback = this.connect(() => {}, () => {});
  }

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

  /** Bytes on a default connection that never closes; returns the replies due at once. */
  receive(chunk: Buffer): Buffer {
    return this.fallback.receive(chunk);
  }

  /**
   * Opens a link. `send` carries replies that come later (an in-sequence
   * reply released when a fault clears); `drop` is called when the
   * `dropAfterBytes` knob cuts the link, and the transport must then close it.
   */
  connect(send: (reply: Buffer) => void, drop: () => void): SimConnection {
    const st: ConnState = { decoder: this.newDecoder(), send, drop, immediate: null, closed: false, jobBytes: -1 };
    return {
      receive: (chunk) => this.receiveOn(st, chunk),
      end: () => this.endOn(st),
      get closed() {
        return st.closed;
      },
      get pendingBytes() {
        return st.decoder.pendingBytes;
      },
    };
  }

  /** The reply byte to `DLE EOT n`. */
  statusByte(n: number): number {
    return statusReply(this.faultsNow, n, this.stopped());
  }

  /** `GS r 1` / `ESC v` (paper sensor). */
  paperSensorByte(): number {
    return paperSensorReply(this.faultsNow);
  }

  private newDecoder(): EscPosDecoder {
    return new EscPosDecoder({ warn: (m) => this.opts.warn?.(m) });
  }

  private receiveOn(st: ConnState, input: Buffer): Buffer {
    if (st.closed) return Buffer.alloc(0);
    this.syncFaults();
    let chunk = input;
    let dropNow = false;
    const limit = this.faultsNow.dropAfterBytes;
    if (limit !== null) {
      let from = 0;
      if (st.jobBytes < 0) {
        const at = chunk.indexOf(Buffer.from([0x1b, 0x40]));
        if (at >= 0) {
          st.jobBytes = 0;
          from = at;
        }
      }
      if (st.jobBytes >= 0) {
        const room = limit - st.jobBytes;
        if (chunk.length - from >= room) {
          chunk = chunk.subarray(0, from + Math.max(0, room));
          dropNow = true;
        }
        st.jobBytes += chunk.length - from;
      }
    }
    this.bytesSinceCut += chunk.length;
    st.immediate = [];
    for (const op of st.decoder.push(chunk, (this.opts.now ?? Date.now)())) {
      if (op.op === 'status-request') {
        // Real-time: answered ahead of held data, unless the cable is "unplugged".
        if (!this.faultsNow.noResponse) st.immediate.push(this.statusByte(op.n));
        continue;
      }
      if (this.stopped() || this.held.length) this.hold(op, st);
      else this.process(op, st);
    }
    const replies = Buffer.from(st.immediate);
    st.immediate = null;
    if (dropNow) {
      this.endOn(st);
      st.drop();
    }
    return replies;
  }

  private endOn(st: ConnState): void {
    if (st.closed) return;
    st.closed = true;
    st.decoder.reset();
    const end: DecodedOp = { op: 'end-job' };
    if (this.stopped() || this.held.length) this.hold(end, st);
    else this.process(end, st);
  }

  private hold(op: DecodedOp, conn: ConnState): void {
    const bytes = op.op === 'raster' || op.op === 'bit-image' ? op.bitmap.data.length : op.op === 'text' ? op.bytes : 4;
    if (this.heldBytes + bytes > MAX_HELD_BYTES && op.op !== 'end-job' && op.op !== 'cut') {
      if (!this.droppedWarned) this.opts.warn?.(`printer buffer full (${MAX_HELD_BYTES} bytes held while stopped): dropping data`);
      this.droppedWarned = true;
      return;
    }
    this.held.push({ op, conn, bytes });
    this.heldBytes += bytes;
  }

  private stopped(): boolean {
    const f = this.faultsNow;
    return f.paperOut || f.coverOpen || f.offline || f.cutterError;
  }

  private process(op: DecodedOp, st: ConnState): void {
    switch (op.op) {
      case 'transmit-status':
        // n 1/49: paper sensor; n 2/50: drawer kick-out connector (closed: 0).
        if (op.n === 1 || op.n === 49) this.reply(st, [this.paperSensorByte()]);
        else if (op.n === 2 || op.n === 50) this.reply(st, [0x00]);
        return;
      case 'process-id':
        this.reply(st, [0x37, 0x22, ...op.id, 0x00]);
        return;
      case 'paper-status':
        this.reply(st, [this.paperSensorByte()]);
        return;
      case 'printer-id':
        this.reply(st, printerIdReply(op.n));
        return;
      default:
        break;
    }
    for (const items of this.paper.apply([op])) this.emit(items, op.op === 'end-job');
  }

  private reply(st: ConnState, bytes: number[]): void {
    if (st.closed || this.faultsNow.noResponse) return;
    if (st.immediate) st.immediate.push(...bytes);
    else st.send(Buffer.from(bytes));
  }

  private emit(items: PaperItem[], uncut: boolean): void {
    const bytes = this.bytesSinceCut;
    this.bytesSinceCut = 0;
    this.opts.onJob?.({ seq: ++this.jobSeq, items, bytes, ...(uncut ? { uncut } : {}) });
  }

  private resume(): void {
    while (this.held.length && !this.stopped()) {
      const h = this.held.shift()!;
      this.heldBytes -= h.bytes;
      this.process(h.op, h.conn);
    }
    if (this.held.length === 0) this.droppedWarned = false;
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
