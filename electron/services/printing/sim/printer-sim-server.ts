/**
 * The simulator core on real transports: a TCP listener (raw port 9100
 * style) and a serial device (one end of a socat PTY pair). Every
 * connection talks to the same core: one printer, one paper roll.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { SerialPort } from 'serialport';
import type { PrinterSimCore } from './printer-sim-core';

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
    sock.on('data', (chunk) => {
      const reply = core.receive(chunk);
      if (reply.length && !sock.destroyed) sock.write(reply);
    });
    sock.on('error', () => sock.destroy());
    sock.on('close', () => sockets.delete(sock));
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

export async function attachSimSerial(core: PrinterSimCore, path: string, baudRate: number): Promise<{ close(): Promise<void> }> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  port.on('data', (chunk: Buffer) => {
    const reply = core.receive(chunk);
    if (reply.length) port.write(reply);
  });
  port.on('error', () => {});
  return {
    close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}
