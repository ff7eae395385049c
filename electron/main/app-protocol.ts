/**
 * The `app://kiosk/` scheme that serves the built renderer (`out/renderer`)
 * instead of `file://`: a `file://` page could read any file on the kiosk
 * and shares one origin with every other file. `app://kiosk` is one
 * standard, secure origin whose only files are the renderer's.
 *
 * Resolution is pure (`resolveAppPath`) and the handler takes an injected
 * reader, so both are tested without Electron.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * For `protocol.registerSchemesAsPrivileged`, before the app is ready:
 * `standard` gives real origins and relative URLs, `secure` lets the page use
 * what needs a secure context, `supportFetchAPI` lets it fetch its own JSON.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
} as const;


import { contentTypeFor } from './content-types';

export { contentTypeFor };

export type AppPathResolution =
  | { kind: 'file'; file: string }
  /** A screen route (`/staff`): the SPA's index.html serves it. */
  | { kind: 'spa'; file: string }
  | { kind: 'forbidden'; reason: string }
  | { kind: 'not-found' };

/**
 * Maps an `app://` URL to a file inside `rootDir`. Another host, an encoded
 * `..` or `\`, or a NUL is refused; a path without an extension that names
 * no file falls back to index.html; a missing asset is not found (a blank
 * 200 would hide a broken build).
 */
export function resolveAppPath(url: string, rootDir: string, isFile: (path: string) => boolean): AppPathResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'forbidden', reason: 'unparsable URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) {
    return { kind: 'forbidden', reason: `foreign origin ${parsed.protocol}//${parsed.host}` };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'forbidden', reason: 'bad percent-encoding' };
  }
  // URL parsing already folds literal `..`; decoded `%2e%2e`, `%5c` and `%00` are caught here.
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) {
    return { kind: 'forbidden', reason: 'path traversal' };
  }
  const root = resolve(rootDir);
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = resolve(root, relativePath);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    return { kind: 'forbidden', reason: 'outside the renderer folder' };
  }
  if (isFile(file)) return { kind: 'file', file };
  if (isFile(join(file, 'index.html'))) return { kind: 'file', file: join(file, 'index.html') };
  const index = join(root, 'index.html');
  if (extname(file) !== '' && file !== index) return { kind: 'not-found' };
  return { kind: 'spa', file: index };
}

export interface AppProtocolDeps {
  isFile(path: string): boolean;
  readFile(path: string): Promise<Uint8Array>;
}

/** The handler for `protocol.handle('app', ...)`: GET/HEAD only, strict CSP on every response. */
export function createAppProtocolHandler(rootDir: string, deps: AppProtocolDeps = defaultDeps) {
  const csp = contentSecurityPolicy();
  const baseHeaders = {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  const plain = (status: number, text: string) =>
    new Response(text, { status, headers: { ...baseHeaders, 'content-type': 'text/plain; charset=utf-8' } });

  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    const hit = resolveAppPath(request.url, rootDir, deps.isFile);
    if (hit.kind === 'forbidden') return plain(403, 'forbidden');
    if (hit.kind === 'not-found') return plain(404, 'not found');
    let body: Uint8Array;
    try {
      body = await deps.readFile(hit.file);
    } catch {
      // index.html itself missing: out/ was never built.
      return plain(hit.kind === 'spa' ? 503 : 404, hit.kind === 'spa' ? 'renderer not built: run `npm run build`' : 'not found');
    }
    const headers = {
      ...baseHeaders,
      'content-type': contentTypeFor(hit.file),
      'cache-control': hit.file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}

const defaultDeps: AppProtocolDeps = {
  isFile(path) {
    try {
      return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false;
    }
  },
  readFile: (path) => readFile(path),
};
