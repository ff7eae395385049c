/**
 * The simulator core behind any `ByteTransport` (the device end of a memory
 * pipe, a serial port): bytes in go to one core connection, its replies go
 * back out, and the transport closing ends the connection (an uncut job
 * ends, a half command is dropped). The drop knob closes the transport
 * (`close`), or, on a serial line, which has no connection to drop, acts as
 * a pulled cable (`deaf`): the job ends, what arrives in the next second is
 * lost, then the line is back on a fresh connection.
 */
import type { ByteTransport } from '../../devices/byte-transport';
import type { PrinterSimCore, SimConnection } from './printer-sim-core';

export function serveSimOn(core: PrinterSimCore, t: ByteTransport, opts: { onDrop?: 'close' | 'deaf'; now?: () => number } = {}): void {
  const now = opts.now ?? Date.now;
  const send = (reply: Buffer) => void t.write(reply).catch(() => undefined);
  let deafUntil = 0;
  const connect = (): SimConnection =>
    core.connect(send, () => {
      if (opts.onDrop === 'deaf') {
        deafUntil = now() + 1000;
        conn = connect();
      } else void t.close();
    });
  let conn = connect();
  t.onData((chunk) => {
    if (now() < deafUntil) return;
    const reply = conn.receive(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
    if (reply.length) send(reply);
  });
  t.onClose(() => conn.end());
}
