/**
 * The in-process `sim` printer: the simulator core behind a memory pipe.
 * Replies arrive on a later microtask, as they would from a device, so the
 * client's waiting code is the same as for TCP and serial. Each open is one
 * connection; the simulator's `dropAfterBytes` knob closes it part-way.
 */
import type { PrinterSimCore, SimConnection } from '../sim/printer-sim-core';
import { CloseListeners, DataListeners, TransportError, type PrinterTransport } from './transport';

export class SimTransport implements PrinterTransport {
  readonly canRead = true;
  readonly label = 'sim';
  private readonly listeners = new DataListeners();
  private readonly closeListeners = new CloseListeners();
  private conn: SimConnection | null = null;

  constructor(readonly core: PrinterSimCore) {}

  async open(): Promise<void> {
    if (this.conn && !this.conn.closed) return;
    const conn = this.core.connect(
      (reply) => void Promise.resolve().then(() => this.listeners.emit(reply)),
      () => {
        if (this.conn === conn) this.conn = null;
        void Promise.resolve().then(() => this.closeListeners.emit());
      },
    );
    this.conn = conn;
  }

  async write(data: Buffer): Promise<void> {
    const conn = this.conn;
    if (!conn || conn.closed) throw new TransportError('sim is not open', true);
    // Like a socket, a write the far end drops part-way still "succeeds": only the missing reply tells.
    const reply = conn.receive(data);
    if (reply.length) void Promise.resolve().then(() => this.listeners.emit(reply));
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.listeners.add(listener);
  }

  onClose(listener: () => void): () => void {
    return this.closeListeners.add(listener);
  }

  async close(): Promise<void> {
    const conn = this.conn;
    this.conn = null;
    conn?.end();
  }
}
