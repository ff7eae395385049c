/** Raw TCP (port 9100) to a network printer. A dropped connection is reopened on the next use. */
import { Socket } from 'node:net';
import { CloseListeners, DataListeners, TransportError, type PrinterTransport } from './transport';

export class TcpTransport implements PrinterTransport {
  readonly canRead = true;
  readonly label: string;
  private socket: Socket | null = null;
  private readonly listeners = new DataListeners();
  private readonly closeListeners = new CloseListeners();

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly connectTimeoutMs = 3000,
  ) {
    this.label = `tcp://${host}:${port}`;
  }

  open(): Promise<void> {
    if (this.socket && !this.socket.destroyed && !this.socket.connecting) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const s = new Socket();
      const fail = (err: Error) => {
        s.destroy();
        reject(new TransportError(`cannot connect to ${this.label}: ${err.message}`, true, { cause: err }));
      };
      s.setTimeout(this.connectTimeoutMs, () => fail(new Error('timed out')));
      s.once('error', fail);
      s.connect(this.port, this.host, () => {
        s.setTimeout(0);
        s.off('error', fail);
        s.setNoDelay(true);
        s.on('data', (chunk) => this.listeners.emit(chunk));
        s.on('error', () => s.destroy());
        s.on('close', () => {
          if (this.socket === s) this.socket = null;
          this.closeListeners.emit();
        });
        this.socket = s;
        resolve();
      });
    });
  }

  write(data: Buffer): Promise<void> {
    const s = this.socket;
    if (!s || s.destroyed) return Promise.reject(new TransportError(`${this.label} is not connected`, true));
    return new Promise((resolve, reject) => {
      s.write(data, (err) => (err ? reject(new TransportError(`write to ${this.label} failed: ${err.message}`, false, { cause: err })) : resolve()));
    });
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.listeners.add(listener);
  }

  onClose(listener: () => void): () => void {
    return this.closeListeners.add(listener);
  }

  async close(): Promise<void> {
    const s = this.socket;
    this.socket = null;
    if (!s) return;
    await new Promise<void>((resolve) => {
      s.once('close', () => resolve());
      s.end();
      setTimeout(() => {
        s.destroy();
        resolve();
      }, 500).unref();
    });
  }
}
