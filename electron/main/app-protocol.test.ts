import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_START_URL, createAppProtocolHandler, resolveAppPath } from './app-protocol';
import { contentSecurityPolicy } from './csp';

let root: string;
let outside: string;

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'itda-app-protocol-'));
  root = join(base, 'renderer');
  outside = base;
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>잇다</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'Pretendard-Regular.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(base, 'secret.txt'), 'not for the page');
});

afterAll(() => rmSync(outside, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => createAppProtocolHandler(root)(new Request(url, { method }));

describe('app:// path resolution', () => {
  const isFile = (p: string) => p === join(root, 'index.html') || p === join(root, 'assets', 'a.js');

  it('maps the origin root and files inside the renderer folder', () => {
    expect(resolveAppPath('app://kiosk/', root, isFile)).toEqual({ kind: 'file', file: join(root, 'index.html') });
    expect(resolveAppPath('app://kiosk/assets/a.js?v=1#x', root, isFile)).toEqual({ kind: 'file', file: join(root, 'assets', 'a.js') });
  });

  it('falls back to index.html for screen routes, not for missing assets', () => {
    expect(resolveAppPath('app://kiosk/staff/alerts', root, isFile)).toEqual({ kind: 'spa', file: join(root, 'index.html') });
    expect(resolveAppPath('app://kiosk/assets/missing.js', root, isFile)).toEqual({ kind: 'not-found' });
  });

  it('refuses traversal in every spelling', () => {
    for (const url of [
      'app://kiosk/..%2fsecret.txt',
      'app://kiosk/assets/..%2F..%2Fsecret.txt',
      'app://kiosk/..%5csecret.txt',
      'app://kiosk/index.html%00.js',
      'app://kiosk/%E0%A4%A',
    ]) {
      expect(resolveAppPath(url, root, () => true).kind, url).toBe('forbidden');
    }
    // Literal and percent-encoded dot segments are folded by the URL parser and stay inside the folder.
    for (const url of ['app://kiosk/../../secret.txt', 'app://kiosk/%2e%2e/secret.txt', 'app://kiosk/assets/%2E%2E/%2E%2E/secret.txt']) {
      expect(resolveAppPath(url, root, () => true), url).toEqual({ kind: 'file', file: join(root, 'secret.txt') });
    }
  });

  it('refuses other origins and schemes', () => {
    for (const url of ['app://evil/index.html', 'file:///etc/passwd', 'https://kiosk/index.html', 'not a url']) {
      expect(resolveAppPath(url, root, () => true).kind, url).toBe('forbidden');
    }
  });
});

describe('app:// protocol handler', () => {
  it('serves the start page with the strict CSP', async () => {
    const res = await get(APP_START_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('잇다');
  });

  it('serves built assets with their types and long caching', async () => {
    const js = await get('app://kiosk/assets/index-abc.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    const font = await get('app://kiosk/assets/Pretendard-Regular.woff2');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  });

  it('answers a deep link with the app and a missing asset with 404', async () => {
    const deep = await get('app://kiosk/pharmacy/result');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>잇다</title>');
    expect((await get('app://kiosk/assets/gone.js')).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    const encoded = await get('app://kiosk/..%2fsecret.txt');
    expect(encoded.status).toBe(403);
    expect(await encoded.text()).not.toContain('not for the page');
    const folded = await get('app://kiosk/%2e%2e/secret.txt');
    expect(folded.status).toBe(404);
    expect(await folded.text()).not.toContain('not for the page');
  });

  it('refuses writes and allows HEAD without a body', async () => {
    expect((await get(APP_START_URL, 'POST')).status).toBe(405);
    const head = await get(APP_START_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('says the renderer is not built when index.html is missing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'itda-app-empty-'));
    try {
      const res = await createAppProtocolHandler(empty)(new Request('app://kiosk/'));
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
