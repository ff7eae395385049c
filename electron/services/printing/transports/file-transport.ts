/**
 * A USB printer's device file (`/dev/usb/lp0`), written like a file.
 * Write-only here: status replies are not read back, so a job counts as
 * printed when the kernel took every byte, and status stays "unknown".
 */
import { open, type FileHandle } from 'node:fs/promises';
import { TransportError, type PrinterTransport } from './transport';

export class FileTransport implements PrinterTransport {
  readonly canRead = false;
  readonly label: string;
  private handle: FileHandle | null = null;

  constructor(private readonly path: string) {
    this.label = `file:${path}`;
  }

  async open(): Promise<void> {
    if (this.handle) return;
    try {
      this.handle = await open(this.path, 'a');
    } catch (err) {
      throw new TransportError(`cannot open ${this.label}: ${(err as Error).message}`, true, { cause: err });
    }
  }

  async write(data: Buffer): Promise<void> {
    if (!this.handle) throw new TransportError(`${this.label} is not open`, true);
    try {
      let off = 0;
      while (off < data.length) off += (await this.handle.write(data, off)).bytesWritten;
    } catch (err) {
      const h = this.handle;
      this.handle = null;
      await h.close().catch(() => {});
      throw new TransportError(`write to ${this.label} failed: ${(err as Error).message}`, false, { cause: err });
    }
  }

  onData(): () => void {
    return () => {};
  }

  onClose(): () => void {
    return () => {};
  }

  async close(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    await h?.close();
  }
}
