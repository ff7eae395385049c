/**
 * What one client may cost the web host. Before the limits: a client that
 * never read its replies grew the host by ~100 MB, 800 idle sockets stayed
 * open, and one client raised 200 staff calls in 1.1 s.
 * Limits are small here so each attack crosses them quickly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect as tcpConnect, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Services } from '../../electron/services/compose';
import { startWebHost, type WebHost } from '../../electron/webhost/server';
import type { DomainModule } from '../../electron/services/context';
import { makeTempDir } from '../support/temp-dir';
import { startTestServices, writeStubRenderer, type TestServices } from '../support/test-services';
import { callOver, openScreenSocket } from '../support/screen-socket';

let dir: ReturnType<typeof makeTempDir>;
let kiosk: TestServices;
let services: Services;
let host: WebHost;

/** `a11y.speak` that never finishes: a call held in flight as long as the test likes. */
const stuck: DomainModule = {
  eventSchemas: {},
  create: () => ({ name: 'stuck', handlers: { 'a11y.speak': () => new Promise<never>(() => {}) } }),
};

const limits = { maxInFlight: 4, maxBufferedBytes: 256 * 1024, pingIntervalMs: 300, maxPerPrincipal: 3, maxTotal: 5, maxSockets: 40, headersTimeoutMs: 1_000 };

beforeAll(async () => {
  dir = makeTempDir('itda-abuse-');
  const renderer = writeStubRenderer(dir.path);
  kiosk = await startTestServices({}, { prefix: 'itda-abuse-data-', modules: [stuck] });
  services = kiosk.services;
  host = await startWebHost({ services, rendererDir: renderer, port: 0, limits });
}, 60_000);

afterAll(async () => {
  await host?.close();
  await kiosk?.stop();
  dir.remove();
});

const closed = (ws: { once(e: 'close', f: (code: number) => void): unknown }) => new Promise<number>((resolve) => ws.once('close', resolve));

describe('per connection', () => {
  it('closes a client that never reads its replies once they pile up, and keeps serving others', async () => {
    // Pings far apart: the buffer cap, not the ping timeout, must be what closes it.
    const quiet = await startWebHost({ services, rendererDir: join(dir.path, 'renderer'), port: 0, limits: { ...limits, pingIntervalMs: 600_000 } });
    try {
      await neverReads(quiet);
    } finally {
      await quiet.close();
    }
  }, 120_000);

  async function neverReads(host: WebHost) {
    const ws = await openScreenSocket(host.url);
    const done = closed(ws);
    // Stop reading: replies now queue in the kernel, then in the host, until the cap.
    (ws as unknown as { _socket: Socket })._socket.pause();
    let id = 0;
    let open = true;
    void done.then(() => (open = false));
    for (let round = 0; round < 200 && open; round++) {
      for (let i = 0; i < 500; i++) ws.send(JSON.stringify({ id: ++id, method: 'app.health', input: {} }));
      await new Promise((r) => setTimeout(r, 20));
    }
    (ws as unknown as { _socket: Socket })._socket.resume();
    await done;
    expect(open).toBe(false);
    // Far fewer requests than the 100,000 the loop could send: the host stopped it early.
    expect(id).toBeLessThan(100_000);
    const fresh = await openScreenSocket(host.url);
    expect(await callOver(fresh, 1, 'app.health')).toMatchObject({ ok: true });
    fresh.close();
  }

  it('closes a connection past its calls in flight', async () => {
    const ws = await openScreenSocket(host.url);
    const done = closed(ws);
    for (let i = 1; i <= limits.maxInFlight + 1; i++) ws.send(JSON.stringify({ id: i, method: 'a11y.speak', input: { text: '안녕하세요', language: 'ko' } }));
    expect(await done).toBe(1006);
  });

  it('closes a connection that stops answering pings', async () => {
    const ws = await openScreenSocket(host.url);
    const done = closed(ws);
    // A paused socket cannot answer the host's ping: it looks like a dead tablet.
    (ws as unknown as { _socket: Socket })._socket.pause();
    // The host's side is what matters (a paused client does not even see the close yet).
    await waitFor(() => host.connectionCount() === 0, 30_000);
    (ws as unknown as { _socket: Socket })._socket.resume();
    await done;
  }, 40_000);
});

describe('connection counts', () => {
  it('caps connections per principal: the one past the cap gets 503', async () => {
    const open = [];
    for (let i = 0; i < limits.maxPerPrincipal; i++) open.push(await openScreenSocket(host.url));
    await expect(openScreenSocket(host.url)).rejects.toThrow(/Unexpected server response: 503/);
    for (const ws of open) ws.close();
    await Promise.all(open.map((ws) => (ws.readyState === ws.CLOSED ? 0 : closed(ws))));
    await waitFor(() => host.connectionCount() === 0);
    const again = await openScreenSocket(host.url);
    again.close();
  });

  it('1,000 idle sockets: the host holds a bounded number, drops the silent ones, and serves again', async () => {
    const sockets: Socket[] = [];
    const held = new Set<Socket>();
    await Promise.all(
      Array.from({ length: 1_000 }, () =>
        new Promise<void>((resolve) => {
          const s = tcpConnect(host.port, '127.0.0.1');
          sockets.push(s);
          s.on('connect', () => {
            held.add(s);
            resolve();
          });
          s.on('close', () => held.delete(s));
          s.on('error', () => resolve());
        }),
      ),
    );
    const count = () => new Promise<number>((r) => host.server.getConnections((_e, n) => r(n)));
    try {
      // The host refuses sockets past its cap at once and keeps at most the cap.
      await waitFor(async () => (await count()) <= limits.maxSockets);
      expect(await count()).toBeLessThanOrEqual(limits.maxSockets);
      // The silent ones it held go once the idle timeout passes.
      await waitFor(async () => (await count()) === 0, 20_000);
      expect(held.size).toBe(0);
    } finally {
      for (const s of sockets) s.destroy();
    }
    const ws = await openScreenSocket(host.url);
    expect(await callOver(ws, 1, 'app.health')).toMatchObject({ ok: true });
    ws.close();
  }, 60_000);
});

describe('per screen', () => {
  it('a staff call flood gets a typed, kind refusal after a person-sized burst', async () => {
    const ws = await openScreenSocket(host.url);
    const results = [];
    for (let i = 1; i <= 6; i++) results.push(await callOver(ws, i, 'app.staffCall', { screen: 'home', language: 'ko' }));
    expect(results.slice(0, 3).every((r) => r.ok)).toBe(true);
    expect(results[5]).toEqual({ ok: false, error: { code: 'app.rate_limited', messageKey: 'errors.app.rate_limited', retryable: true } });
    // Counted per screen, not per socket: a new socket does not reset it.
    const other = await openScreenSocket(host.url);
    expect((await callOver(other, 1, 'app.staffCall', { screen: 'home', language: 'ko' })).error?.code).toBe('app.rate_limited');
    expect(services.db!.prepare("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'staff_call'").pluck().get()).toBe(3);
    ws.close();
    other.close();
  });
});

async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
