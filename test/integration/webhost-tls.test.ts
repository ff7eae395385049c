/**
 * The web host beyond loopback: only with TLS. A self-signed certificate
 * made for the test stands in for the venue's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { get } from 'node:https';
import { join } from 'node:path';
import type { Services } from '../../electron/services/compose';
import { startWebHost } from '../../electron/webhost/server';
import { makeTempDir } from '../support/temp-dir';
import { startTestServices, writeStubRenderer, type TestServices } from '../support/test-services';
import { openScreenSocket } from '../support/screen-socket';

const dir = makeTempDir('itda-tls-');
let kiosk: TestServices;
let services: Services;
let tls: { certFile: string; keyFile: string };
let rendererDir: string;

beforeAll(async () => {
  tls = { certFile: join(dir.path, 'cert.pem'), keyFile: join(dir.path, 'key.pem') };
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', tls.keyFile, '-out', tls.certFile], { stdio: 'ignore' });
  rendererDir = writeStubRenderer(dir.path);
  kiosk = await startTestServices({}, { prefix: 'itda-tls-data-' });
  services = kiosk.services;
});
afterAll(async () => {
  await kiosk.stop();
  dir.remove();
});

function httpsGet(url: string): Promise<{ status: number; csp: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { rejectUnauthorized: false }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, csp: res.headers['content-security-policy'] as string | undefined, body }));
    }).on('error', reject);
  });
}

describe('web host over TLS', () => {
  it('refuses a LAN address without a certificate, naming the config fields to set', async () => {
    await expect(startWebHost({ services, rendererDir, port: 0, host: '0.0.0.0' })).rejects.toThrow(/webHost\.tls\.certFile/);
  });

  it('says which TLS file it cannot read', async () => {
    await expect(
      startWebHost({ services, rendererDir, port: 0, host: '0.0.0.0', tls: { certFile: join(dir.path, 'missing.pem'), keyFile: tls.keyFile } }),
    ).rejects.toThrow(/cannot read the TLS certificate file .*missing\.pem: ENOENT/);
  });

  it('serves pages and the API over https and wss when a certificate is configured', async () => {
    // Bound to every address as on a venue LAN; the test talks to it over loopback only.
    const host = await startWebHost({ services, rendererDir, port: 0, host: '0.0.0.0', tls });
    try {
      expect(host.url).toMatch(/^https:\/\//);
      const page = await httpsGet(`https://127.0.0.1:${host.port}/`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>kiosk</title>');
      expect(page.csp).toContain("default-src 'self'");
      // From this machine it is the kiosk screen: the page's cookie and Origin open the socket.
      const ws = await openScreenSocket(`https://127.0.0.1:${host.port}`);
      const reply = new Promise<any>((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
      ws.send(JSON.stringify({ id: 1, method: 'app.health', input: {} }));
      expect((await reply).result).toMatchObject({ ok: true, value: { status: 'ok' } });
      ws.close();
    } finally {
      await host.close();
    }
  });
});
