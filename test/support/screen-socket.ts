/**
 * Node-side clients of the web host's API, as the kiosk screen is one: load
 * the page first (which sets this start's screen cookie), then open the
 * WebSocket with that cookie and the page's Origin. A raw `new WebSocket()`
 * without them gets 403, by design.
 */
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import WebSocket from 'ws';

/** GETs a page of the host and returns its status and the `name=value` of every cookie it set. */
export function loadPage(url: string, headers: Record<string, string> = {}): Promise<{ status: number; cookies: string[]; body: string }> {
  const get = url.startsWith('https:') ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    get(url, { headers, rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]), body }));
    }).on('error', reject);
  });
}

/** The `Cookie` header a loaded page of `hostUrl` gives its WebSocket. */
export async function screenCookie(hostUrl: string): Promise<string> {
  const page = await loadPage(`${hostUrl}/`);
  const cookie = page.cookies.find((c) => c.startsWith('itda_screen_'));
  if (!cookie) throw new Error(`the page at ${hostUrl} set no screen cookie (status ${page.status})`);
  return cookie;
}

export interface OpenSocketOptions {
  /** `Cookie` header; default: the one the host's page sets. null sends none. */
  cookie?: string | null;
  /** `Origin` header; default: the host's own. null sends none. */
  origin?: string | null;
}

/** Opens the API socket; resolves once open, rejects with the HTTP status on a refused upgrade (`Unexpected server response: 403`). */
export async function openScreenSocket(hostUrl: string, opts: OpenSocketOptions = {}): Promise<WebSocket> {
  const cookie = opts.cookie === undefined ? await screenCookie(hostUrl) : opts.cookie;
  const origin = opts.origin === undefined ? new URL(hostUrl).origin : opts.origin;
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  const ws = new WebSocket(`${hostUrl.replace(/^http/, 'ws')}/api`, { headers, ...(origin ? { origin } : {}), rejectUnauthorized: false });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** The next message matching `match`, parsed. */
export function nextMessage(ws: WebSocket, match: (m: any) => boolean = () => true): Promise<any> {
  return new Promise((resolve) => {
    const on = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString());
      if (match(m)) {
        ws.off('message', on);
        resolve(m);
      }
    };
    ws.on('message', on);
  });
}

/** One call over an open socket: its result. */
export async function callOver(ws: WebSocket, id: number, method: string, input: unknown = {}): Promise<any> {
  const reply = nextMessage(ws, (m) => m.id === id);
  ws.send(JSON.stringify({ id, method, input }));
  return (await reply).result;
}
