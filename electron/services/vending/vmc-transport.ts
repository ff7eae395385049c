/**
 * The byte pipe under the VMC client: a serial port, or an in-memory pipe to
 * the simulator board. Both look the same to the protocol client, so a fresh
 * install with no cabinet runs the production codec and client.
 */
import { SerialPort } from 'serialport';
import { KioskError } from '../../contract/errors';
import { SUPPORTED_BAUDS } from './vmc-codes';

export interface VmcTransport {
  /** Writes bytes as one burst (the spec: a sender writes a frame without pauses). */
  write(bytes: Uint8Array): void;
  onData(listener: (chunk: Uint8Array) => void): void;
  /** The pipe went away (USB unplug, port closed); `err` says why when known. */
  onClose(listener: (err?: Error) => void): void;
  close(): Promise<void>;
  readonly description: string;
}

export type VendingUri = { kind: 'sim' } | { kind: 'serial'; path: string; baud: number };

/** `sim` or `serial:/dev/ttyUSB1?baud=9600` (9600 when absent). Bad URIs throw `TypeError` naming what is allowed. */
export function parseVendingUri(uri: string): VendingUri {
  if (uri === 'sim') return { kind: 'sim' };
  const m = /^serial:([^?]+)(?:\?(.*))?$/.exec(uri);
  if (!m) throw new TypeError(`vending uri must be "sim" or "serial:/dev/PATH?baud=9600", got "${uri}"`);
  const params = new URLSearchParams(m[2] ?? '');
  for (const key of params.keys()) if (key !== 'baud') throw new TypeError(`unknown vending uri option "${key}" (only baud)`);
  const baud = params.has('baud') ? Number(params.get('baud')) : 9600;
  if (!(SUPPORTED_BAUDS as readonly number[]).includes(baud)) {
    throw new TypeError(`baud must be one of ${SUPPORTED_BAUDS.join(', ')}, got "${params.get('baud')}"`);
  }
  return { kind: 'serial', path: m[1], baud };
}

/** Opens a serial port as a transport; rejects with `vending.port_unavailable` when it cannot. */
export function openSerialTransport(path: string, baud: number): Promise<VmcTransport> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: baud, dataBits: 8, parity: 'none', stopBits: 1, rtscts: false, autoOpen: false });
    port.open((err) => {
      if (err) {
        reject(new KioskError('vending.port_unavailable', `cannot open ${path}: ${err.message}`, { cause: err, retryable: true }));
        return;
      }
      const closeListeners: ((err?: Error) => void)[] = [];
      let closed = false;
      const fireClose = (e?: Error) => {
        if (closed) return;
        closed = true;
        for (const l of closeListeners) l(e);
      };
      port.on('close', (e?: Error) => fireClose(e ?? undefined));
      port.on('error', (e: Error) => fireClose(e));
      resolve({
        description: `${path} @ ${baud}`,
        write(bytes) {
          if (!closed) port.write(Buffer.from(bytes), (e) => e && fireClose(e));
        },
        onData(listener) {
          port.on('data', (chunk: Buffer) => listener(new Uint8Array(chunk)));
        },
        onClose(listener) {
          closeListeners.push(listener);
        },
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

/**
 * Two connected in-memory ends. Bytes are delivered on a microtask, so
 * each side sees the other's writes asynchronously, as on a real line,
 * and fake timers need not be advanced for delivery.
 */
export function createMemoryPipe(): [VmcTransport, VmcTransport] {
  type End = { data: ((c: Uint8Array) => void)[]; close: ((e?: Error) => void)[] };
  const ends: [End, End] = [
    { data: [], close: [] },
    { data: [], close: [] },
  ];
  let open = true;
  const make = (self: End, other: End, name: string): VmcTransport => ({
    description: `memory:${name}`,
    write(bytes) {
      if (!open) return;
      const copy = Uint8Array.from(bytes);
      void Promise.resolve().then(() => {
        if (open) for (const l of other.data) l(copy);
      });
    },
    onData: (l) => void self.data.push(l),
    onClose: (l) => void self.close.push(l),
    async close() {
      if (!open) return;
      open = false;
      for (const l of [...ends[0].close, ...ends[1].close]) l();
    },
  });
  return [make(ends[0], ends[1], 'host'), make(ends[1], ends[0], 'board')];
}
