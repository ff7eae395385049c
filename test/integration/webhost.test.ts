import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices, type Services } from '../../electron/services/compose';
import { parseConfig } from '../../electron/services/config/load-config';
import { createLogger } from '../../electron/services/app/logger';
import { startWebHost, type WebHost } from '../../electron/webhost/server';
import { bootDataTag } from '../../electron/webhost/boot-data';
import { makeTempDir } from '../support/temp-dir';
import { nextMessage, openScreenSocket } from '../support/screen-socket';

let dir: ReturnType<typeof makeTempDir>;
let services: Services;
let host: WebHost;

beforeAll(async () => {
  dir = makeTempDir();
  const renderer = join(dir.path, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir.path, 'secret.txt'), 'do not serve');
  services = await composeServices({
    dataDir: join(dir.path, 'data'),
    config: parseConfig({ kioskId: 'test-kiosk' }),
    host: 'web',
    version: '1.0.0',
    logger: createLogger({ dir: null, echo: false }),
    modules: [],
  });
  host = await startWebHost({ services, rendererDir: renderer, port: 0 });
});

afterAll(async () => {
  await host.close();
  await services.close();
  dir.remove();
});

const connect = () => openScreenSocket(host.url);

describe('web host', () => {
  it('listens on loopback only and refuses other addresses without TLS', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(startWebHost({ services, rendererDir: dir.path, port: 0, host: '0.0.0.0' })).rejects.toThrow(/needs TLS/);
  });

  it('serves the renderer with a strict CSP, falls back to index.html for screens, and never leaves its folder', async () => {
    const index = await fetch(`${host.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await (await fetch(`${host.url}/staff`)).text()).toContain('<title>kiosk</title>');
    expect((await fetch(`${host.url}/assets/app.js`)).headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${host.url}/assets/missing.js`)).status).toBe(404);
    const traversal = await fetch(`${host.url}/..%2Fsecret.txt`);
    expect(await traversal.text()).not.toContain('do not serve');
  });

  it("writes the attract screen's boot data (identity, health) into the page, as the open API calls answer it", async () => {
    const html = await (await fetch(`${host.url}/`)).text();
    const json = /<script id="itda-boot" type="application\/json">(.*?)<\/script>/.exec(html)?.[1];
    expect(json).toBeDefined();
    const data = JSON.parse(json!) as { info: unknown; health: unknown };
    const ws = await connect();
    ws.send(JSON.stringify({ id: 1, method: 'app.info', input: {} }));
    expect(data.info).toEqual(((await nextMessage(ws, (m) => m.id === 1)).result as { value: unknown }).value);
    ws.send(JSON.stringify({ id: 2, method: 'app.health', input: {} }));
    expect(data.health).toEqual(((await nextMessage(ws, (m) => m.id === 2)).result as { value: unknown }).value);
    ws.close();
    // No text in it can close the element (a venue name is configured by people).
    expect(bootDataTag({ info: { venueName: { ko: '</script><script>alert(1)</script>' } }, health: {} })).not.toMatch(/<\/script>.*<\/script>/);
    expect(JSON.parse(/>(.*)<\/script>$/.exec(bootDataTag({ info: { n: '</x>' }, health: {} }))![1])).toEqual({ info: { n: '</x>' }, health: {} });
  });

  it('carries the contract over one WebSocket: call, typed result, validation errors', async () => {
    const ws = await connect();
    ws.send(JSON.stringify({ id: 1, method: 'app.info', input: {} }));
    const info = await nextMessage(ws, (m) => m.id === 1);
    expect(info.result).toMatchObject({ ok: true, value: { kioskId: 'test-kiosk', host: 'web' } });

    ws.send(JSON.stringify({ id: 2, method: 'app.staffCall', input: { screen: 'home', language: 'xx' } }));
    expect((await nextMessage(ws, (m) => m.id === 2)).result).toMatchObject({ ok: false, error: { code: 'contract.invalid_input' } });

    ws.send(JSON.stringify({ id: 3, method: 'no.such', input: {} }));
    expect((await nextMessage(ws, (m) => m.id === 3)).result).toMatchObject({ ok: false, error: { code: 'contract.unknown_method' } });
    ws.close();
  });

  it('answers garbage frames with a typed error and keeps serving', async () => {
    const ws = await connect();
    ws.send('{not json');
    expect((await nextMessage(ws)).result).toMatchObject({ ok: false, error: { code: 'contract.invalid_input' } });
    ws.send(Buffer.from([0, 1, 2, 3]));
    expect((await nextMessage(ws)).id).toBe(-1);
    ws.send(JSON.stringify({ id: 9, method: 'app.health', input: {} }));
    expect((await nextMessage(ws, (m) => m.id === 9)).result).toMatchObject({ ok: true, value: { status: 'ok' } });
    ws.close();
  });

  it('pushes staff alerts to every connected screen', async () => {
    const a = await connect();
    const b = await connect();
    const pushedToB = nextMessage(b, (m) => m.push?.name === 'staff.alert');
    a.send(JSON.stringify({ id: 1, method: 'app.staffCall', input: { screen: 'home', language: 'ko' } }));
    const reply = await nextMessage(a, (m) => m.id === 1);
    const pushed = await pushedToB;
    expect(pushed.push.payload.id).toBe(reply.result.value.alertId);
    a.close();
    b.close();
  });
});
