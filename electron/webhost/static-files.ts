/**
 * Serves the built renderer from `out/renderer`. Only files inside that
 * folder; unknown paths fall back to index.html so screens can be deep-linked
 * (`/staff`). The same strict CSP as the Electron window.
 */
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '../main/csp';
import { contentTypeFor } from '../main/content-types';


export function createStaticHandler(rootDir: string, connectSrc: string) {
  const root = resolve(rootDir);
  const csp = contentSecurityPolicy({ connectSrc });
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = resolve(join(root, normalize(pathname)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    let st = statOrNull(file);
    if (st?.isDirectory()) {
      file = join(file, 'index.html');
      st = statOrNull(file);
    }
    if (!st || !st.isFile()) {
      if (extname(pathname)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      file = join(root, 'index.html');
      st = statOrNull(file);
      if (!st) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('renderer not built: run `npm run build`');
        return;
      }
    }
    const headers: Record<string, string | number> = {
      'content-type': contentTypeFor(file),
      'content-length': st.size,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (file.endsWith('.html')) headers['content-security-policy'] = csp;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
