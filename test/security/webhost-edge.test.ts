/**
 * The web host's door, tried as an attacker would. Before the screen cookie
 * and the Origin check, every one of these opened the API: a page on another
 * loopback origin vended gifts, and any Node client raised staff calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Browser } from 'playwright-core';
import type { Services } from '../../electron/services/compose';
import { startWebHost, type WebHost } from '../../electron/webhost/server';
import type { CallMeta } from '../../electron/contract/dispatch';
import { makeTempDir } from '../support/temp-dir';
import { startTestServices, writeStubRenderer, type TestServices } from '../support/test-services';
import { launchBrowser } from '../support/browser';
import { callOver, openScreenSocket, screenCookie } from '../support/screen-socket';
import { startWebKiosk } from '../support/web-kiosk';
import { ensureRendererBuilt } from '../support/renderer-build';
import { KIOSK_VIEWPORT } from '../support/browser';

let dir: ReturnType<typeof makeTempDir>;
let kiosk: TestServices;
let services: Services;
let host: WebHost;
let browser: Browser;
const seen: CallMeta[] = [];
const attackers: Server[] = [];

/** The probe every page runs: opens the kiosk's API and says in its title whether it got in. */
const probe = (apiUrl: string) => `
const ws = new WebSocket(${JSON.stringify(apiUrl)});
ws.onopen = () => { ws.send(JSON.stringify({ id: 1, method: 'app.staffCall', input: { screen: 'home', language: 'ko' } })); };
ws.onmessage = (e) => { document.title = 'answered ' + e.data.slice(0, 60); };
ws.onerror = () => { document.title = 'refused'; };
`;

/** A page on another origin (what any website open on the kiosk machine could be). */
async function attackerPage(bind: string, apiUrl: string): Promise<string> {
  const server = createServer((req, res) => {
    if (req.url === '/probe.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(probe(apiUrl));
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>start</title><script src="/probe.js"></script>');
  });
  attackers.push(server);
  await new Promise<void>((resolve) => server.listen(0, bind, resolve));
  return `http://${bind}:${(server.address() as AddressInfo).port}/`;
}

async function titleAfterProbe(url: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction("document.title !== 'start' && document.title !== 'kiosk'", null, { timeout: 15_000 });
    return await page.title();
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  dir = makeTempDir('itda-edge-');
  const renderer = writeStubRenderer(dir.path, '<!doctype html><title>kiosk</title><script src="/assets/probe.js"></script>');
  kiosk = await startTestServices({}, { prefix: 'itda-edge-data-' });
  services = kiosk.services;
  const dispatch = services.dispatch;
  services.dispatch = (method, raw, meta) => {
    if (meta) seen.push(meta);
    return dispatch(method, raw, meta);
  };
  host = await startWebHost({ services, rendererDir: renderer, port: 0 });
  writeFileSync(join(renderer, 'assets', 'probe.js'), probe(`ws://127.0.0.1:${host.port}/api`));
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const s of attackers) await new Promise((r) => s.close(r));
  await host?.close();
  await kiosk?.stop();
  dir.remove();
});

function rawSocket(headers: Record<string, string>, origin?: string): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${host.url.replace('http', 'ws')}/api`, { headers, ...(origin ? { origin } : {}) });
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => resolve(`HTTP ${res.statusCode}`));
    ws.once('error', (err) => resolve(`error ${err.message}`));
  });
}

describe('who may open the API socket', () => {
  it('the kiosk page itself, in Chromium, gets in and is the screen principal', async () => {
    expect(await titleAfterProbe(`${host.url}/`)).toMatch(/^answered .*"ok":true/);
    expect(seen.at(-1)).toMatchObject({ transport: 'ws', principal: { kind: 'screen' } });
  });

  it('a page on another loopback port is refused, although the browser sends it the screen cookie', async () => {
    // Cookies ignore ports: 127.0.0.1:OTHER is same-site and carries the cookie; its Origin gives it away.
    const url = await attackerPage('127.0.0.1', `ws://127.0.0.1:${host.port}/api`);
    expect(await titleAfterProbe(url)).toBe('refused');
  });

  it('a page on another loopback address is refused', async () => {
    const url = await attackerPage('127.0.0.2', `ws://127.0.0.1:${host.port}/api`);
    expect(await titleAfterProbe(url)).toBe('refused');
  });

  it('a Node client that never loaded the page gets 403', async () => {
    expect(await rawSocket({}, host.url)).toBe('HTTP 403');
  });

  it('the right cookie with a forged or missing Origin gets 403', async () => {
    const cookie = await screenCookie(host.url);
    expect(await rawSocket({ cookie }, 'http://evil.example')).toBe('HTTP 403');
    expect(await rawSocket({ cookie }, `http://127.0.0.1:${host.port + 1}`)).toBe('HTTP 403');
    expect(await rawSocket({ cookie })).toBe('HTTP 403');
    expect(await rawSocket({ cookie: 'itda_screen_' + host.port + '=guess' }, host.url)).toBe('HTTP 403');
  });

  it('the screen cookie is HttpOnly and SameSite=Strict, and a fresh start makes a new one', async () => {
    const res = await fetch(`${host.url}/`);
    expect(res.headers.get('set-cookie')).toMatch(/^itda_screen_\d+=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Strict$/);
    const other = await startWebHost({ services, rendererDir: join(dir.path, 'renderer'), port: 0 });
    try {
      const mine = (await screenCookie(host.url)).split('=')[1];
      const theirs = (await screenCookie(other.url)).split('=')[1];
      expect(theirs).not.toBe(mine);
    } finally {
      await other.close();
    }
  });

  it('a proper screen client (page first, then its cookie and Origin) calls as the screen', async () => {
    const ws = await openScreenSocket(host.url);
    expect(await callOver(ws, 1, 'app.health')).toMatchObject({ ok: true });
    expect(seen.at(-1)?.principal).toEqual({ kind: 'screen' });
    ws.close();
  });

  it('the real kiosk screen gets back in by itself after the host restarts with a new cookie', { timeout: 120_000 }, async () => {
    const kiosk = await startWebKiosk();
    try {
      const page = await (await browser.newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true })).newPage();
      await page.goto(kiosk.url);
      await page.getByTestId('attract').tap();
      const port = kiosk.host.port;
      await kiosk.host.close();
      const again = await startWebHost({ services: kiosk.services, rendererDir: await ensureRendererBuilt(), port });
      try {
        await page.getByTestId('staff-call').tap();
        const toast = page.getByTestId('staff-call-result');
        await toast.waitFor({ timeout: 60_000 });
        expect(await toast.getAttribute('data-result')).toBe('called');
        expect(kiosk.count("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'staff_call'")).toBe(1);
      } finally {
        await again.close();
        await page.context().close();
      }
    } finally {
      await kiosk.stop();
    }
  });
});
