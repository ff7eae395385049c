/**
 * Staff tablets on the venue LAN (`--listen`, TLS). Before enrollment a LAN
 * peer sees only the pairing page; before, every device on the LAN could
 * drive the whole contract. Played over loopback: the host counts only
 * 127.0.0.1 as "this machine", and the tablet connects from 127.0.0.3.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { request } from 'node:https';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { composeServices, type Services } from '../../electron/services/compose';
import { parseConfig } from '../../electron/services/config/load-config';
import { createLogger } from '../../electron/services/app/logger';
import { startWebHost, type WebHost } from '../../electron/webhost/server';
import { StaffDevices, staffDevicesOf } from '../../electron/services/staff/staff-devices';
import type { CallMeta } from '../../electron/contract/dispatch';
import type { StaffAuth } from '../../electron/services/staff/staff-auth';
import { makeTempDir } from '../support/temp-dir';

const TABLET = '127.0.0.3';
const dir = makeTempDir('itda-lan-');
let services: Services;
let host: WebHost;
let devices: StaffDevices;
let origin: string;
const seen: CallMeta[] = [];

beforeAll(async () => {
  const tls = { certFile: join(dir.path, 'cert.pem'), keyFile: join(dir.path, 'key.pem') };
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', tls.keyFile, '-out', tls.certFile], { stdio: 'ignore' });
  const renderer = join(dir.path, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log("the app")');
  services = await composeServices({ dataDir: join(dir.path, 'data'), config: parseConfig({}), host: 'web', version: 't', logger: createLogger({ dir: null, echo: false }) });
  const dispatch = services.dispatch;
  services.dispatch = (m, raw, meta) => {
    if (meta) seen.push(meta);
    return dispatch(m, raw, meta);
  };
  devices = staffDevicesOf(services)!;
  host = await startWebHost({
    services,
    rendererDir: renderer,
    port: 0,
    host: '127.0.0.1',
    tls,
    devices,
    isScreenPeer: (a) => a === '127.0.0.1' || a === '::ffff:127.0.0.1',
  });
  origin = `https://127.0.0.1:${host.port}`;
}, 60_000);

afterAll(async () => {
  await host?.close();
  await services?.close();
  dir.remove();
});

function fromTablet(path: string, opts: { method?: string; cookie?: string; body?: string } = {}): Promise<{ status: number; body: string; setCookie: string[]; location?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${origin}${path}`,
      {
        method: opts.method ?? 'GET',
        localAddress: TABLET,
        rejectUnauthorized: false,
        headers: {
          ...(opts.cookie ? { cookie: opts.cookie } : {}),
          ...(opts.body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(opts.body) } : {}),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, setCookie: res.headers['set-cookie'] ?? [], location: res.headers.location }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

function tabletSocket(cookie: string | null, wsOrigin: string | null = origin): Promise<WebSocket | string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${origin.replace('https', 'wss')}/api`, {
      localAddress: TABLET,
      rejectUnauthorized: false,
      headers: cookie ? { cookie } : {},
      ...(wsOrigin ? { origin: wsOrigin } : {}),
    });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(`HTTP ${res.statusCode}`));
    ws.once('error', (err) => resolve(`error ${err.message}`));
  });
}

const pair = (code: string) => fromTablet('/pair', { method: 'POST', body: new URLSearchParams({ code }).toString() });

describe('an un-enrolled LAN device', () => {
  it('sees only the pairing page: no renderer, no static files, no API', async () => {
    const page = await fromTablet('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-testid="pair-code"');
    expect(page.body).not.toContain('<title>kiosk</title>');
    expect((await fromTablet('/staff')).body).toContain('pair-code');
    expect((await fromTablet('/assets/app.js')).status).toBe(403);
    expect(await tabletSocket(null)).toBe('HTTP 403');
    // The screen's cookie is no use from the LAN either.
    const screen = await new Promise<string>((resolve) =>
      request(`${origin}/`, { rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve((res.headers['set-cookie'] ?? [])[0]!.split(';')[0]!);
      }).end(),
    );
    expect(await tabletSocket(screen)).toBe('HTTP 403');
  });

  it('a wrong, used or expired code enrolls nothing', async () => {
    expect((await pair('ABCDE-FGHJK')).status).toBe(403);
    const { code } = devices.createPairingCode('expired tablet', 'test');
    const later = new StaffDevices(services.db!, { now: () => Date.now() + 11 * 60_000 });
    expect(later.pair(code)).toBeNull();
    expect(services.db!.prepare('SELECT COUNT(*) FROM staff_devices').pluck().get()).toBe(0);
  });
});

describe('enrolling a tablet', () => {
  it('a one-time code gives a Secure HttpOnly SameSite=Strict credential; the device then gets the console and the API as itself', async () => {
    const { code, expiresAt } = devices.createPairingCode('front desk', 'test');
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    // Only hashes are stored.
    expect(JSON.stringify(services.db!.prepare('SELECT * FROM staff_pairing_codes').all())).not.toContain(code.replace('-', ''));

    const enrolled = await pair(code.toLowerCase());
    expect(enrolled.status).toBe(303);
    expect(enrolled.location).toBe('/staff');
    expect(enrolled.setCookie[0]).toMatch(/^itda_device=[\w-]{40,}; Path=\/; Max-Age=\d+; HttpOnly; Secure; SameSite=Strict$/);
    const cookie = enrolled.setCookie[0]!.split(';')[0]!;
    expect(JSON.stringify(services.db!.prepare('SELECT * FROM staff_devices').all())).not.toContain(cookie.split('=')[1]);

    // Single use.
    expect((await pair(code)).status).toBe(403);

    expect((await fromTablet('/staff', { cookie })).body).toContain('<title>kiosk</title>');
    expect((await fromTablet('/assets/app.js', { cookie })).status).toBe(200);
    // The API needs the host's own Origin too.
    expect(await tabletSocket(cookie, 'https://evil.example')).toBe('HTTP 403');
    const ws = (await tabletSocket(cookie)) as WebSocket;
    expect(typeof ws).toBe('object');
    const reply = new Promise<any>((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
    ws.send(JSON.stringify({ id: 1, method: 'app.health', input: {} }));
    expect((await reply).result.ok).toBe(true);
    const device = devices.list()[0]!;
    expect(seen.at(-1)).toMatchObject({ transport: 'ws', principal: { kind: 'device', deviceId: device.id, name: 'front desk' }, peer: TABLET });

    // Revoked: its socket closes at once and it is back to the pairing page.
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    devices.revoke(device.id, 'test');
    expect(await closed).toBe(4001);
    expect((await fromTablet('/staff', { cookie })).body).toContain('pair-code');
    expect(await tabletSocket(cookie)).toBe('HTTP 403');
  });

  it('staff make codes, list and revoke devices through the contract (technician or admin)', async () => {
    // The first admin needs the setup code (this kiosk logs nowhere: a fresh code, as `npm run staff -- setup-code` gives one).
    const auth = (services.domains.get('staff')!.service as { auth: StaffAuth }).auth;
    const setup = await services.dispatch('staff.setup', { code: await auth.setupCodes.issue(), pin: '482916' });
    if (!setup.ok) throw new Error(JSON.stringify(setup.error));
    const token = (setup.value as { token: string }).token;
    const made = await services.dispatch('staff.createPairingCode', { token, name: 'office tablet' });
    expect(made).toMatchObject({ ok: true, value: { code: expect.stringMatching(/^\w{5}-\w{5}$/) } });
    const enrolled = await pair((made as any).value.code);
    expect(enrolled.status).toBe(303);
    const list = await services.dispatch('staff.devices', { token });
    const office = (list as any).value.devices.find((d: { name: string }) => d.name === 'office tablet');
    expect(office).toMatchObject({ revokedAt: null, enrolledBy: 'pairing' });
    expect(await services.dispatch('staff.revokeDevice', { token, deviceId: office.id })).toEqual({ ok: true, value: { ok: true } });
    expect(await services.dispatch('staff.devices', {})).toMatchObject({ ok: false });
  });
});
