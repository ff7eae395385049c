/**
 * A network device on raw TCP (port 9100 style) as a `ByteTransport`.
 * `write` resolves when the bytes are in the kernel's socket buffer: on TCP
 * that says nothing about the device having processed them, which is why a
 * printer confirms a job in-band (an acknowledgement read on the same
 * connection), never from a write that "went through".
 */
import { createConnection, type Socket } from 'node:net';
import { Listeners, TransportError, type ByteTransport } from './byte-transport';

export interface TcpOptions {
  host: string;
  port: number;
  /** How long the connect may take before it counts as unreachable. */
  connectTimeoutMs?: number;
}

export function openTcp(opts: TcpOptions): Promise<ByteTransport> {
  const label = `tcp://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${opts.port}`;
  return new Promise((resolve, reject) => {
    const sock: Socket = createConnection({ host: opts.host, port: opts.port });
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new TransportError(`cannot reach ${label}: no answer in ${opts.connectTimeoutMs ?? 3000} ms`, true, { disconnected: true }));
    }, opts.connectTimeoutMs ?? 3000);
    sock.once('error', (err) => {
      clearTimeout(timer);
      reject(new TransportError(`cannot reach ${label}: ${err.message}`, true, { cause: err, disconnected: true }));
    });
    sock.once('connect', () => {
      clearTimeout(timer);
      sock.removeAllListeners('error');
      sock.setNoDelay(true);
      const data = new Listeners<[Uint8Array]>();
      const closed = new Listeners<[Error | undefined]>();
      let gone = false;
      let lastError: Error | undefined;
      sock.on('data', (chunk: Buffer) => data.emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
      sock.on('error', (err) => (lastError = err));
      sock.on('close', () => {
        gone = true;
        closed.emit(lastError);
      });
      resolve({
        label,
        canRead: true,
        write(bytes) {
          if (gone || sock.destroyed) return Promise.reject(new TransportError(`${label} is closed`, true, { disconnected: true }));
          return new Promise((res, rej) => {
            sock.write(bytes, (err) => (err ? rej(new TransportError(`write to ${label} failed: ${err.message}`, false, { cause: err, disconnected: true })) : res()));
          });
        },
        onData: (l) => data.add(l),
        onClose: (l) => closed.add(l),
        close() {
          if (gone) return Promise.resolve();
          return new Promise<void>((res) => {
            sock.once('close', () => res());
            sock.end();
            // A peer that never closes its side must not hold the kiosk's shutdown.
            setTimeout(() => sock.destroy(), 1000).unref();
          });
        },
      });
    });
  });
}
