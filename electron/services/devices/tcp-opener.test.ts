import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import { openTcp } from './tcp-opener';
import { TransportError } from './byte-transport';

let server: Server | null = null;
const peers: Socket[] = [];
afterEach(async () => {
  for (const p of peers) p.destroy();
  peers.length = 0;
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

async function echoServer(): Promise<number> {
  server = createServer((s) => {
    peers.push(s);
    s.on('data', (d) => s.write(d));
    s.on('error', () => {});
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return (server.address() as { port: number }).port;
}

describe('openTcp', () => {
  it('writes and reads on one connection', async () => {
    const port = await echoServer();
    const t = await openTcp({ host: '127.0.0.1', port });
    expect(t.label).toBe(`tcp://127.0.0.1:${port}`);
    const got = new Promise<number[]>((r) => t.onData((c) => r([...c])));
    await t.write(Uint8Array.of(0x10, 0x04, 0x01));
    expect(await got).toEqual([0x10, 0x04, 0x01]);
    await t.close();
    await t.close();
  });

  it('reports the peer going away once, and refuses writes after it', async () => {
    const port = await echoServer();
    const t = await openTcp({ host: '127.0.0.1', port });
    const gone = new Promise<void>((r) => t.onClose(() => r()));
    while (peers.length === 0) await new Promise((r) => setTimeout(r, 5));
    peers[0].destroy();
    await gone;
    await expect(t.write(Uint8Array.of(1))).rejects.toMatchObject({ name: 'TransportError', beforeSend: true, disconnected: true });
  });

  it('rejects an unreachable device with a TransportError that says nothing was sent', async () => {
    const port = await echoServer();
    await new Promise<void>((r) => server!.close(() => r()));
    server = null;
    const err = await openTcp({ host: '127.0.0.1', port }).catch((e) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect(err).toMatchObject({ beforeSend: true, disconnected: true });
  });
});
