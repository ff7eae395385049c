/**
 * The in-process `sim` printer: the simulator core behind a memory pipe.
 * Replies arrive on a later microtask, as they would from a device, so the
 * client's waiting code is the same as for TCP and serial.
 */
import type { PrinterSimCore } from '../sim/printer-sim-core';
import { DataListeners, TransportError, type PrinterTransport } from './transport';

export class SimTransport implements PrinterTransport {
  readonly canRead = true;
  readonly label = 'sim';
  private readonly listeners = new DataListeners();
  private opened = false;

  constructor(readonly core: PrinterSimCore) {}

  async open(): Promise<void> {
    this.opened = true;
  }

  async write(data: Buffer): Promise<void> {
    if (!this.opened) throw new TransportError('sim is not open', true);
    const reply = this.core.receive(data);
    if (reply.length) void Promise.resolve().then(() => this.listeners.emit(reply));
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    this.opened = false;
  }
}
