/**
 * The printer's connection on the devices layer: one `ByteTransport` at a
 * time from the device's opener (`openDevice`, or a memory pipe to the
 * simulator), opened on first use and opened anew after a drop. The ESC/POS
 * driver keeps its listeners here, across reopens; all socket, serial and
 * file handling is `devices/`'s.
 */
import { Listeners, TransportError, type ByteTransport } from '../../devices/byte-transport';
import type { PrinterTransport } from './transport';

export class PrinterLink implements PrinterTransport {
  private current: ByteTransport | null = null;
  private opening: Promise<ByteTransport> | null = null;
  private readonly data = new Listeners<[Buffer]>();
  private readonly closed = new Listeners<[]>();

  constructor(
    readonly label: string,
    readonly canRead: boolean,
    private readonly opener: () => Promise<ByteTransport>,
  ) {}

  /** Idempotent while open; rejects with the opener's `TransportError` (`beforeSend`). */
  async open(): Promise<void> {
    if (this.current) return;
    this.opening ??= this.opener().finally(() => (this.opening = null));
    const t = await this.opening;
    if (this.current === t) return;
    this.current = t;
    t.onData((chunk) => {
      if (this.current === t) this.data.emit(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
    });
    t.onClose(() => {
      if (this.current !== t) return;
      this.current = null;
      // Release what is left of it (a serial port that errored is still open).
      void t.close().catch(() => undefined);
      this.closed.emit();
    });
  }

  write(data: Buffer): Promise<void> {
    const t = this.current;
    if (!t) return Promise.reject(new TransportError(`${this.label} is not open`, true));
    return t.write(data);
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: () => void): () => void {
    return this.closed.add(listener);
  }

  async close(): Promise<void> {
    const t = this.current;
    this.current = null;
    if (!t) return;
    await t.close();
    // Our own close ends the connection as a drop does: a job waiting on it must not wait for ever.
    this.closed.emit();
  }
}
