/**
 * The host side of the VMC link: one command outstanding, SEQ numbering,
 * reply timeouts by baud, at most 4 sends, NAK, stale replies and the
 * link-down rule (protocol v1.1, "Timing, retries and NAK", "Sequence numbers").
 *
 * It knows frames, not meanings: the driver (`vending-controller.ts`) turns
 * replies into typed results.
 */
import { KioskError } from '../../contract/errors';
import { systemClock, type Clock } from '../devices/device-clock';
import { Cmd, MAX_SENDS, Reply, replyFor, replyTimeoutMs } from './vmc-codes';
import { encodeFrame, FrameDecoder, type VmcFrame } from './vmc-frame';
import type { ByteTransport } from '../devices/byte-transport';

/** The link is down (4 sends failed, or the port went away). `sent` says whether any byte of the command went out. */
export class VmcLinkDownError extends KioskError {
  constructor(
    message: string,
    readonly sent: boolean,
  ) {
    super('vending.no_link', message, { retryable: true });
    this.name = 'VmcLinkDownError';
  }
}

export interface FrameLogEntry {
  at: number;
  dir: 'tx' | 'rx';
  bytes: Uint8Array;
  frame?: VmcFrame;
  /** Why a frame was not taken as the reply: resend, nak, stale, crc (damaged, dropped), unasked. */
  note?: 'resend' | 'nak' | 'stale' | 'crc' | 'unasked';
}

export interface VmcClientOptions {
  baud: number;
  clock?: Clock;
  /** First SEQ; random by default so a new session rarely repeats the last one's key. */
  initialSeq?: number;
  onFrame?: (e: FrameLogEntry) => void;
}

export interface VmcExchange {
  reply: VmcFrame;
  seq: number;
  /** How many times the command went out (1..4). */
  sends: number;
}

interface Outstanding {
  frame: VmcFrame;
  bytes: Uint8Array;
  expect: number;
  sends: number;
  timer: unknown;
  resolve(x: VmcExchange): void;
  reject(e: Error): void;
}

export class VmcClient {
  private readonly decoder = new FrameDecoder();
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private seq: number;
  private outstanding: Outstanding | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private up = false;
  private closed = false;
  private readonly linkListeners = new Set<(up: boolean) => void>();

  constructor(
    private readonly transport: ByteTransport,
    private readonly opts: VmcClientOptions,
  ) {
    const t = replyTimeoutMs[opts.baud];
    if (!t) throw new TypeError(`unsupported baud ${opts.baud}`);
    this.timeoutMs = t;
    this.clock = opts.clock ?? systemClock;
    this.seq = (opts.initialSeq ?? Math.floor(Math.random() * 256)) & 0xff;
    transport.onData((chunk) => this.onData(chunk));
    transport.onClose((err) => this.onTransportClose(err));
  }

  /** True once a PING or STATUS was answered, false after 4 failed sends or a lost port. */
  get linkUp(): boolean {
    return this.up;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  onLinkChange(listener: (up: boolean) => void): () => void {
    this.linkListeners.add(listener);
    return () => this.linkListeners.delete(listener);
  }

  /**
   * Sends one command and resolves with its reply (the expected reply code or ERROR).
   * Commands queue: a new one goes out only after the previous got its reply or was given up.
   * Rejects with `VmcLinkDownError` after 4 failed sends, on a lost port, and for
   * DISPENSE or MOTOR_TEST while the link is down (nothing is sent then).
   */
  request(cmd: number, data: Uint8Array = new Uint8Array(0)): Promise<VmcExchange> {
    const run = () => this.exchange(cmd, data);
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  private exchange(cmd: number, data: Uint8Array): Promise<VmcExchange> {
    if (this.closed) return Promise.reject(new VmcLinkDownError('the port is closed', false));
    if ((cmd === Cmd.DISPENSE || cmd === Cmd.MOTOR_TEST) && !this.up) {
      // Host checklist 3: no DISPENSE until a PING or STATUS is answered.
      return Promise.reject(new VmcLinkDownError('link is down: PING or STATUS must be answered first', false));
    }
    // Every new command gets the next SEQ, also after a failure; only resends reuse it.
    this.seq = (this.seq + 1) & 0xff;
    const frame: VmcFrame = { seq: this.seq, cmd, data };
    return new Promise<VmcExchange>((resolve, reject) => {
      this.outstanding = { frame, bytes: encodeFrame(frame), expect: replyFor[cmd] ?? -1, sends: 0, timer: null, resolve, reject };
      this.send();
    });
  }

  private send(): void {
    const o = this.outstanding!;
    o.sends += 1;
    this.opts.onFrame?.({ at: this.clock.now(), dir: 'tx', bytes: o.bytes, frame: o.frame, note: o.sends > 1 ? 'resend' : undefined });
    // The timeout counts from the write (spec), so start it first.
    o.timer = this.clock.setTimeout(() => this.onTimeout(o), this.timeoutMs);
    // A failed write closes the transport, which fails this command as link down: nothing more to do here.
    this.transport.write(o.bytes).catch(() => undefined);
  }

  /** A timeout or NAK: send the identical frame again, or give up after the 4th send. */
  private retry(o: Outstanding, why: string): void {
    this.clock.clearTimeout(o.timer);
    if (o.sends >= MAX_SENDS) {
      this.outstanding = null;
      this.setUp(false);
      o.reject(new VmcLinkDownError(`no reply after ${o.sends} sends (${why})`, true));
      return;
    }
    this.send();
  }

  private onTimeout(o: Outstanding): void {
    if (this.outstanding !== o) return;
    this.retry(o, 'timeout');
  }

  private onData(chunk: Uint8Array): void {
    for (const ev of this.decoder.push(chunk, this.clock.now())) {
      if (ev.kind === 'crc_error') {
        // The host never sends NAK: it drops a damaged reply and waits for its timeout.
        this.opts.onFrame?.({ at: this.clock.now(), dir: 'rx', bytes: ev.bytes, note: 'crc' });
        continue;
      }
      const { frame, bytes } = ev;
      const o = this.outstanding;
      const log = (note?: FrameLogEntry['note']) => this.opts.onFrame?.({ at: this.clock.now(), dir: 'rx', bytes, frame, note });
      if (!o) {
        log(frame.cmd === Reply.NAK ? 'nak' : 'unasked');
        continue; // a NAK while nothing is outstanding is ignored
      }
      if (frame.cmd === Reply.NAK) {
        log('nak');
        this.retry(o, 'NAK'); // whatever its SEQ: resend now, counted as one of the 4 sends
        continue;
      }
      if (frame.seq !== o.frame.seq || (frame.cmd !== o.expect && frame.cmd !== Reply.ERROR)) {
        log('stale');
        continue;
      }
      log();
      this.clock.clearTimeout(o.timer);
      this.outstanding = null;
      if ((o.frame.cmd === Cmd.PING || o.frame.cmd === Cmd.STATUS) && frame.cmd === o.expect) this.setUp(true);
      o.resolve({ reply: frame, seq: o.frame.seq, sends: o.sends });
    }
  }

  private onTransportClose(err?: Error): void {
    if (this.closed) return;
    this.closed = true;
    this.setUp(false);
    const o = this.outstanding;
    this.outstanding = null;
    if (o) {
      this.clock.clearTimeout(o.timer);
      o.reject(new VmcLinkDownError(`the port closed${err ? `: ${err.message}` : ''}`, o.sends > 0));
    }
  }

  private setUp(up: boolean): void {
    if (this.up === up) return;
    this.up = up;
    for (const l of this.linkListeners) l(up);
  }

  /** Closes the transport; the outstanding command (if any) fails as link down. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.onTransportClose();
    await this.transport.close();
  }
}
