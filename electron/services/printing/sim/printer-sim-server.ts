/**
 * The simulator core on real transports: a TCP listener (raw port 9100
 * style; a drop is a reset, which only a socket can do) and a serial device
 * (one end of a socat PTY pair, on the devices' opener). Every
 * connection talks to the same core: one printer, one paper roll.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { openSerial } from '../../devices/serial-opener';
import type { PrinterSimCore } from './printer-sim-core';
import { serveSimOn } from './sim-serve';

export interface SimTcpServer {
  port: number;
  host: string;
  close(): Promise<void>;
}

export function startSimTcpServer(core: PrinterSimCore, opts: { port: number; host?: string }): Promise<SimTcpServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((sock) => {
    sockets.add(sock);
    sock.setNoDelay(true);
    const send = (reply: Buffer) => {
      if (!sock.destroyed) sock.write(reply);
    };
    // The drop knob: the printer's end goes away mid-job, with no FIN courtesy (a reset).
    const conn = core.connect(send, () => sock.resetAndDestroy());
    sock.on('data', (chunk) => {
      const reply = conn.receive(chunk);
      if (reply.length) send(reply);
    });
    sock.on('error', () => sock.destroy());
    sock.on('close', () => {
      sockets.delete(sock);
      conn.end();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : opts.port;
      resolve({
        port,
        host,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** The core on a serial device (one end of a socat PTY pair), through the devices' serial opener; the drop knob acts as a pulled cable. */
export async function attachSimSerial(core: PrinterSimCore, path: string, baud: number): Promise<{ close(): Promise<void> }> {
  const port = await openSerial({ path, baud });
  serveSimOn(core, port, { onDrop: 'deaf' });
  return { close: () => port.close() };
}
