/** A serial printer (RS-232 or a USB-serial adapter) through serialport. */
import { SerialPort } from 'serialport';
import { CloseListeners, DataListeners, TransportError, type PrinterTransport } from './transport';

export class SerialTransport implements PrinterTransport {
  readonly canRead = true;
  readonly label: string;
  private port: SerialPort | null = null;
  private readonly listeners = new DataListeners();
  private readonly closeListeners = new CloseListeners();

  constructor(
    private readonly path: string,
    private readonly baudRate: number,
  ) {
    this.label = `serial:${path}?baud=${baudRate}`;
  }

  open(): Promise<void> {
    if (this.port?.isOpen) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const p = new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false });
      p.open((err) => {
        if (err) {
          reject(new TransportError(`cannot open ${this.label}: ${err.message}`, true, { cause: err }));
          return;
        }
        p.on('data', (chunk: Buffer) => this.listeners.emit(chunk));
        p.on('close', () => {
          if (this.port === p) this.port = null;
          this.closeListeners.emit();
        });
        p.on('error', () => {
          if (this.port === p) this.port = null;
          this.closeListeners.emit();
        });
        this.port = p;
        resolve();
      });
    });
  }

  write(data: Buffer): Promise<void> {
    const p = this.port;
    if (!p?.isOpen) return Promise.reject(new TransportError(`${this.label} is not open`, true));
    return new Promise((resolve, reject) => {
      p.write(data, (err) => {
        if (err) return reject(new TransportError(`write to ${this.label} failed: ${err.message}`, false, { cause: err }));
        // drain: the bytes have left the OS buffer, so the status that follows is about this job.
        p.drain((e) => (e ? reject(new TransportError(`drain on ${this.label} failed: ${e.message}`, false, { cause: e })) : resolve()));
      });
    });
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.listeners.add(listener);
  }

  onClose(listener: () => void): () => void {
    return this.closeListeners.add(listener);
  }

  async close(): Promise<void> {
    const p = this.port;
    this.port = null;
    if (!p?.isOpen) return;
    await new Promise<void>((resolve) => p.close(() => resolve()));
  }
}
