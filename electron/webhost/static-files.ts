/**
 * Serves the built renderer from `out/renderer`. Only files inside that
 * folder; unknown paths fall back to index.html so screens can be deep-linked
 * (`/staff`). The same strict CSP as the Electron window.
 *
 * A file that cannot be read (replaced or removed while served, a disk
 * fault) answers 500 for that request only: before, one read error's
 * unhandled stream 'error' took the whole host down.
 */
import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '../main/csp';
import { contentTypeFor } from '../main/content-types';
import type { Logger } from '../services/app/logger';

export interface StaticHandlerOptions {
  /** Adds headers to an HTML page's response (the web host sets the screen cookie there). */
  onPage?: (req: IncomingMessage, headers: Record<string, string | number>) => void;
  log?: Logger;
  /**
   * Markup written into an HTML page just before `</head>` (the web host's boot data, `boot-data.ts`),
   * or null for none. A page with it is read whole (it is small) instead of streamed.
   */
  pageHead?: (req: IncomingMessage) => Promise<string | null>;
}

export function createStaticHandler(rootDir: string, connectSrc: string, opts: StaticHandlerOptions = {}) {
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
    if (file.endsWith('.html')) {
      headers['content-security-policy'] = csp;
      opts.onPage?.(req, headers);
    }
    if (req.method === 'HEAD') {
      res.writeHead(200, headers).end();
      return;
    }
    if (opts.pageHead && file.endsWith('.html')) {
      void sendPage(res, file, headers, opts.pageHead(req));
      return;
    }
    // Answer only once the first bytes are read: a file that vanished since stat, or a read error,
    // still gets a clean 500. A failure mid-file can only cut that response.
    const stream = createReadStream(file);
    stream.once('error', (err) => {
      opts.log?.error('static file read failed', { file: file.slice(root.length), err });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('cannot read this file');
      else res.destroy();
    });
    stream.once('data', (first) => {
      res.writeHead(200, headers);
      res.write(first);
      stream.pipe(res);
    });
    stream.once('end', () => {
      if (!res.headersSent) res.writeHead(200, headers).end();
    });
    res.once('close', () => stream.destroy());
  };

  async function sendPage(res: ServerResponse, file: string, headers: Record<string, string | number>, head: Promise<string | null>) {
    let body: Buffer;
    try {
      const [html, extra] = await Promise.all([readFile(file, 'utf8'), head.catch(() => null)]);
      body = Buffer.from(extra ? withHead(html, extra) : html, 'utf8');
    } catch (err) {
      opts.log?.error('static file read failed', { file: file.slice(root.length), err });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('cannot read this file');
      return;
    }
    if (res.destroyed) return;
    res.writeHead(200, { ...headers, 'content-length': body.length }).end(body);
  }
}

/** `html` with `extra` just before `</head>` (at the end when it has none). */
function withHead(html: string, extra: string): string {
  const at = html.indexOf('</head>');
  return at < 0 ? html + extra : html.slice(0, at) + extra + html.slice(at);
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
