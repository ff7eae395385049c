/**
 * The VMC driver: opens the configured transport (`sim` or a serial port),
 * keeps it open (reopens with backoff after a USB unplug), sends PING first
 * on every open, and turns replies into typed results. Policy (which slot,
 * what to persist) lives in the vend service, not here.
 */
import { KioskError } from '../../contract/errors';
import { VendingError } from './vending-errors';
import type { Logger } from '../app/logger';
import { systemClock, type Clock } from '../devices/device-clock';
import { Cmd, parseFlags, readTxn, Reply, SLOT_STATES, txnBytes, vmcErrorCodes, type SlotState, type VmcFlags } from './vmc-codes';
import { VmcClient, VmcLinkDownError, type FrameLogEntry } from './vmc-client';
import type { ByteTransport } from '../devices/byte-transport';
import { createMemoryPipe } from '../devices/memory-pipe';
import { openDevice } from '../devices/open-device';
import { parseVendingUri, type VendingUri } from './vending-uri';
import { VmcBoard } from './sim/vmc-board';

/** The board answered ERROR: the command did nothing. */
export class VmcCommandError extends KioskError {
  constructor(readonly errorByte: number) {
    super(vmcErrorCodes[errorByte] ?? 'vending.board_error', `VMC answered ERROR ${errorByte}`);
    this.name = 'VmcCommandError';
  }
}

export interface VmcStatus {
  flags: VmcFlags;
  slots: number;
}

/** DISPENSE or MOTOR_TEST: accepted (running or known), or refused with the board's ERROR (nothing ran). */
export type VendAck = { accepted: true; sends: number } | { accepted: false; errorByte: number; code: string; sends: number };

export interface VendingControllerOptions {
  uri: string;
  clock?: Clock;
  logger?: Logger;
  /** The in-process board for `sim` (tests pass their own to inject faults). */
  board?: VmcBoard;
  simSlots?: number;
  simVendMs?: number;
  /** First and longest wait between reopen attempts. */
  reopenMs?: { first: number; max: number };
  onFrame?: (e: FrameLogEntry) => void;
}

export class VendingController {
  readonly uri: VendingUri;
  readonly board: VmcBoard | null;
  private client: VmcClient | null = null;
  private readonly clock: Clock;
  private stopped = false;
  private reopenTimer: unknown = null;
  private backoff: number;
  private firmwareVersion: string | null = null;
  private readonly linkListeners = new Set<(up: boolean) => void>();
  private readonly statusListeners = new Set<(s: VmcStatus) => void>();

  constructor(private readonly opts: VendingControllerOptions) {
    this.uri = parseVendingUri(opts.uri);
    this.clock = opts.clock ?? systemClock;
    this.board = this.uri.kind === 'sim' ? (opts.board ?? new VmcBoard({ slots: opts.simSlots, vendMs: opts.simVendMs, clock: this.clock })) : null;
    this.backoff = opts.reopenMs?.first ?? 1000;
  }

  get baud(): number {
    return this.uri.kind === 'serial' ? this.uri.baud : 115200;
  }

  get linkUp(): boolean {
    return this.client?.linkUp ?? false;
  }

  get firmware(): string | null {
    return this.firmwareVersion;
  }

  onLink(listener: (up: boolean) => void): () => void {
    this.linkListeners.add(listener);
    return () => this.linkListeners.delete(listener);
  }

  /** Every STATUS reply (to STATUS or CLEAR_FAULTS), so the reset flag is never missed. */
  onStatus(listener: (s: VmcStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Opens the port and sends PING. Resolves whether or not the board answered; failures reopen in the background. */
  async open(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.reopenTimer) this.clock.clearTimeout(this.reopenTimer);
    this.reopenTimer = null;
    const c = this.client;
    this.client = null;
    await c?.close();
  }

  private async connect(): Promise<void> {
    let transport: ByteTransport;
    try {
      transport = await this.openTransport();
    } catch (err) {
      this.opts.logger?.warn('vending port unavailable', { err, retryInMs: this.backoff });
      this.scheduleReopen();
      return;
    }
    if (this.stopped) {
      await transport.close();
      return;
    }
    const client = new VmcClient(transport, { baud: this.baud, clock: this.clock, onFrame: this.opts.onFrame });
    client.onLinkChange((up) => {
      if (up) this.backoff = this.opts.reopenMs?.first ?? 1000;
      for (const l of this.linkListeners) l(up);
    });
    transport.onClose((err) => {
      if (this.client !== client) return;
      this.client = null;
      this.opts.logger?.warn('vending port closed', { err });
      this.scheduleReopen();
    });
    this.client = client;
    try {
      await this.ping(); // after opening the port, the host's first command is PING
    } catch (err) {
      this.opts.logger?.warn('vending board did not answer PING', { err });
    }
  }

  private async openTransport(): Promise<ByteTransport> {
    if (this.uri.kind === 'serial') {
      const { path, baud } = this.uri;
      return openDevice({ kind: 'serial', path, baud }).catch((err: Error) => {
        throw new KioskError('vending.port_unavailable', `cannot open ${path}: ${err.message}`, { cause: err, retryable: true });
      });
    }
    const [host, boardEnd] = createMemoryPipe(['host', 'board']);
    const board = this.board!;
    board.attach((bytes) => void boardEnd.write(bytes).catch(() => undefined));
    boardEnd.onData((chunk) => board.receive(chunk));
    return host;
  }

  private scheduleReopen(): void {
    if (this.stopped || this.reopenTimer) return;
    const wait = this.backoff;
    this.backoff = Math.min(this.backoff * 2, this.opts.reopenMs?.max ?? 30_000);
    this.reopenTimer = this.clock.setTimeout(() => {
      this.reopenTimer = null;
      if (!this.stopped) void this.connect();
    }, wait);
  }

  private async send(cmd: number, data?: Uint8Array) {
    const c = this.client;
    if (!c || c.isClosed) throw new VmcLinkDownError('the vending port is not open', false);
    return c.request(cmd, data);
  }

  private async expect(cmd: number, data?: Uint8Array) {
    const ex = await this.send(cmd, data);
    if (ex.reply.cmd === Reply.ERROR) throw new VmcCommandError(ex.reply.data[0] ?? 0);
    return ex;
  }

  async ping(): Promise<string> {
    const ex = await this.expect(Cmd.PING);
    this.firmwareVersion = new TextDecoder().decode(ex.reply.data);
    return this.firmwareVersion;
  }

  async status(): Promise<VmcStatus> {
    return this.statusFrom((await this.expect(Cmd.STATUS)).reply.data);
  }

  async clearFaults(): Promise<VmcStatus> {
    return this.statusFrom((await this.expect(Cmd.CLEAR_FAULTS)).reply.data);
  }

  private statusFrom(data: Uint8Array): VmcStatus {
    const s = { flags: parseFlags(data[0] ?? 0), slots: data[1] ?? 0 };
    for (const l of this.statusListeners) l(s);
    return s;
  }

  async slotInfo(slot: number): Promise<SlotState> {
    const ex = await this.expect(Cmd.SLOT_INFO, Uint8Array.of(slot));
    return SLOT_STATES[ex.reply.data[1]] ?? 'disabled';
  }

  /** DISPENSE (or MOTOR_TEST with `test`). Link-down errors propagate with `sent` set as the client saw it. */
  async vend(txn: number, slot: number, test = false): Promise<VendAck> {
    const ex = await this.send(test ? Cmd.MOTOR_TEST : Cmd.DISPENSE, Uint8Array.of(...txnBytes(txn), slot));
    if (ex.reply.cmd === Reply.ERROR) {
      const b = ex.reply.data[0] ?? 0;
      return { accepted: false, errorByte: b, code: vmcErrorCodes[b] ?? 'vending.board_error', sends: ex.sends };
    }
    if (readTxn(ex.reply.data) !== txn) throw new VendingError('vending.protocol', `ACCEPTED for another TXN ${readTxn(ex.reply.data)}`);
    return { accepted: true, sends: ex.sends };
  }

  /** RESULT: the OUTCOME byte (0 running … 6 unconfirmed). */
  async result(txn: number): Promise<number> {
    const ex = await this.expect(Cmd.RESULT, txnBytes(txn));
    if (readTxn(ex.reply.data) !== txn) throw new VendingError('vending.protocol', 'RESULT for another TXN');
    return ex.reply.data[4];
  }
}
