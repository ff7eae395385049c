import { afterEach, describe, expect, it } from 'vitest';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { startPrinterRelay, type PrinterRelay } from './printer-relay';

/** A stand-in printer that keeps what it receives and answers each 0x10 with 0x12. */
async function sink(): Promise<{ server: Server; port: number; got: () => Buffer; closed: () => number }> {
  const parts: Buffer[] = [];
  let closed = 0;
  const server = createServer((s) => {
    s.on('data', (d) => {
      parts.push(d);
      if (d.includes(0x10)) s.write(Buffer.of(0x12));
    });
    s.on('close', () => closed++);
    s.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return { server, port, got: () => Buffer.concat(parts), closed: () => closed };
}

function connect(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = createConnection({ host: '127.0.0.1', port }, () => resolve(s));
    s.once('error', reject);
  });
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

let relay: PrinterRelay | null = null;
let target: Awaited<ReturnType<typeof sink>> | null = null;
afterEach(async () => {
  await relay?.close();
  await new Promise<void>((r) => (target ? target.server.close(() => r()) : r()));
  relay = target = null;
});

describe('printer relay', () => {
  it('forwards both ways when no fault is set', async () => {
    target = await sink();
    relay = await startPrinterRelay({ host: '127.0.0.1', port: target.port });
    const s = await connect(relay.port);
    const reply = new Promise<Buffer>((r) => s.once('data', r));
    s.write(Buffer.from('hello\x10'));
    expect([...(await reply)]).toEqual([0x12]);
    await until(() => target!.got().toString() === 'hello\x10');
    s.destroy();
  });

  it('cuts a connection after exactly the bytes asked, once', async () => {
    target = await sink();
    relay = await startPrinterRelay({ host: '127.0.0.1', port: target.port });
    relay.set({ dropAfterBytes: 7 });
    const s = await connect(relay.port);
    const closed = new Promise<void>((r) => s.once('close', () => r()));
    s.on('error', () => {});
    s.write(Buffer.alloc(20, 0x41));
    await closed;
    await until(() => target!.closed() === 1);
    expect(target.got().length).toBe(7);
    expect(relay.drops).toBe(1);
    expect(relay.faults.dropAfterBytes).toBeNull();
  });

  it('holds data during a hang and lets it through when cleared', async () => {
    target = await sink();
    relay = await startPrinterRelay({ host: '127.0.0.1', port: target.port });
    const s = await connect(relay.port);
    relay.set({ hang: true });
    s.write(Buffer.from('abc'));
    await new Promise((r) => setTimeout(r, 150));
    expect(target.got().length).toBe(0);
    relay.set({ hang: false });
    await until(() => target!.got().toString() === 'abc');
    s.destroy();
  });

  it('refuses connections while asked to', async () => {
    target = await sink();
    relay = await startPrinterRelay({ host: '127.0.0.1', port: target.port });
    relay.set({ refuse: true });
    const s = await connect(relay.port);
    await new Promise<void>((r) => s.once('close', () => r()));
    expect(relay.refusals).toBe(1);
  });

  it('paces a slow line: 600 bytes at 1,920 B/s take several ticks, and all arrive', async () => {
    target = await sink();
    relay = await startPrinterRelay({ host: '127.0.0.1', port: target.port });
    relay.set({ bytesPerSecond: 1920 });
    const s = await connect(relay.port);
    s.write(Buffer.alloc(600, 0x42));
    await new Promise((r) => setTimeout(r, 60));
    // 96 bytes per 50 ms tick: far from all of it after one tick.
    expect(target.got().length).toBeLessThan(600);
    await until(() => target!.got().length === 600);
    s.destroy();
  });
});
