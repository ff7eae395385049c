/**
 * The one serial opener: a port through serialport, 8N1, no flow control,
 * as a `ByteTransport`. Used by the cabinet's host side and by the
 * simulators on the far end of a socat PTY pair.
 */
import { serialportModule } from '../app/lazy-module';
import { Listeners, TransportError, type ByteTransport } from './byte-transport';

export interface SerialOptions {
  path: string;
  baud: number;
}

/** Rejects with a `TransportError` (`beforeSend`, `disconnected`) when the port cannot be opened. */
export function openSerial(opts: SerialOptions): Promise<ByteTransport> {
  const label = `serial:${opts.path}?baud=${opts.baud}`;
  return new Promise((resolve, reject) => {
    const port = new (serialportModule().SerialPort)({ path: opts.path, baudRate: opts.baud, dataBits: 8, parity: 'none', stopBits: 1, rtscts: false, autoOpen: false });
    port.open((err) => {
      if (err) {
        reject(new TransportError(`cannot open ${label}: ${err.message}`, true, { cause: err, disconnected: true }));
        return;
      }
      const data = new Listeners<[Uint8Array]>();
      const closed = new Listeners<[Error | undefined]>();
      let gone = false;
      const fireClose = (e?: Error) => {
        if (gone) return;
        gone = true;
        closed.emit(e);
      };
      port.on('data', (chunk: Buffer) => data.emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
      port.on('close', (e?: Error) => fireClose(e ?? undefined));
      port.on('error', (e: Error) => fireClose(e));
      resolve({
        label,
        canRead: true,
        write(bytes) {
          if (gone) return Promise.reject(new TransportError(`${label} is closed`, true, { disconnected: true }));
          return new Promise((res, rej) => {
            port.write(Buffer.from(bytes), (e) => {
              if (e) {
                fireClose(e);
                return rej(new TransportError(`write to ${label} failed: ${e.message}`, false, { cause: e, disconnected: true }));
              }
              // Drained: the bytes left the OS buffer, so a status read next is about them.
              port.drain((d) => (d ? rej(new TransportError(`drain on ${label} failed: ${d.message}`, false, { cause: d })) : res()));
            });
          });
        },
        onData: (l) => data.add(l),
        onClose: (l) => closed.add(l),
        close() {
          return new Promise<void>((res) => {
            if (!port.isOpen) return res();
            port.close(() => res());
          });
        },
      });
    });
  });
}
