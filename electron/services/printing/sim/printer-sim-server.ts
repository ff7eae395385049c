/**
 * The simulator core on real transports: a TCP listener (raw port 9100
 * style) and a serial device (one end of a socat PTY pair). Every
 * connection talks to the same core: one printer, one paper roll.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { SerialPort } from 'serialport';
import type { PrinterSimCore, SimConnection } from './printer-sim-core';

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

export async function attachSimSerial(core: PrinterSimCore, path: string, baudRate: number): Promise<{ close(): Promise<void> }> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  const send = (reply: Buffer) => {
    if (port.isOpen) port.write(reply);
  };
  // A serial line has no connection to drop; the knob acts as a pulled cable: the job ends and
  // what the host still sends in the next second is lost, then the cable is "back".
  let deafUntil = 0;
  const connect = (): SimConnection =>
    core.connect(send, () => {
      deafUntil = Date.now() + 1000;
      conn = connect();
    });
  let conn = connect();
  port.on('data', (chunk: Buffer) => {
    if (Date.now() < deafUntil) return;
    const reply = conn.receive(chunk);
    if (reply.length) send(reply);
  });
  port.on('error', () => {});
  return {
    close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}
