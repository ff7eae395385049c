/**
 * The hub's HTTP API and console page. Kiosks call `/v1/*` with their device
 * credential; staff pages and the city export answer loopback callers, or a
 * staff key (`npm run hub -- staff-key`) beyond loopback. Like the kiosk's
 * web host, it refuses to listen beyond loopback without TLS.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { z } from 'zod';
import { HubError } from './hub-errors';
import { authenticateKiosk, checkStaffKey, KIOSK_ID, redeemPairCode, type KioskPrincipal } from './pairing';
import { ingestBatch, parseBatch } from './ingest';
import { acknowledgeAlert, fleet, heartbeatSchema, listAlerts, OFFLINE_AFTER_MS, recordHeartbeat, venueDashboard } from './fleet';
import { claimSlot, issueTicket, takenSlots, venueQueue } from './venue-queue';
import { cityRollup, rollupCsv } from './city-rollup';
import { staffPage } from './staff-page';

export interface HubServerOptions {
  pool: pg.Pool;
  port: number;
  host?: string;
  tls?: { certFile: string; keyFile: string } | null;
  /** The hub's clock (tests move it instead of waiting). */
  now?: () => Date;
  offlineAfterMs?: number;
  log?: (line: string, fields?: Record<string, unknown>) => void;
}

export interface HubServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** 8 MB: a batch of 5,000 events of ~1 KB with room to spare. */
const MAX_BODY = 8 * 1024 * 1024;
const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.') || host === '::ffff:127.0.0.1';
}

export async function startHubServer(opts: HubServerOptions): Promise<HubServer> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopback(host) && !opts.tls) {
    throw new Error(`refusing to listen on ${host}: serving beyond this machine needs TLS. Pass --tls-cert FILE --tls-key FILE (or ITDA_HUB_TLS_CERT/ITDA_HUB_TLS_KEY), or use the default 127.0.0.1.`);
  }
  const now = opts.now ?? (() => new Date());
  const offlineAfterMs = opts.offlineAfterMs ?? OFFLINE_AFTER_MS;
  const { pool } = opts;
  const log = opts.log ?? (() => undefined);

  const kioskRoutes: Record<string, (who: KioskPrincipal, body: unknown) => Promise<unknown>> = {
    'POST /v1/events': async (who, body) => ingestBatch(pool, who, parseBatch(body)),
    'POST /v1/heartbeat': async (who, body) => recordHeartbeat(pool, who, parse(heartbeatSchema, body), now()),
    'POST /v1/tickets': async (who, body) => {
      const b = parse(z.object({ entryId: z.string().min(1).max(64), day: DAY }).strict(), body);
      return issueTicket(pool, who, b.entryId, b.day, now());
    },
    'POST /v1/bookings': async (who, body) => {
      const b = parse(z.object({ bookingId: z.string().min(1).max(64), slotStart: z.iso.datetime() }).strict(), body);
      return claimSlot(pool, who, b.bookingId, new Date(b.slotStart), now());
    },
    'GET /v1/bookings': async (who) => ({ taken: await takenSlots(pool, who.venue, new Date(now().getTime() - 86_400_000)) }),
  };

  const staffRoutes: Record<string, (q: URLSearchParams, body: unknown) => Promise<unknown>> = {
    'GET /v1/fleet': async () => ({ now: now().toISOString(), offlineAfterMs, kiosks: await fleet(pool, now(), offlineAfterMs) }),
    'GET /v1/dashboard': async (q) => ({ venues: await venueDashboard(pool, dayParam(q, 'day', now()), now(), offlineAfterMs) }),
    'GET /v1/queue': async (q) => ({ tickets: await venueQueue(pool, q.get('venue') ?? '', dayParam(q, 'day', now())) }),
    'GET /v1/alerts': async (q) => ({ alerts: await listAlerts(pool, { includeAcknowledged: q.get('all') === '1' }) }),
    'POST /v1/alerts/acknowledge': async (_q, body) => {
      const b = parse(z.object({ kioskId: z.string().regex(KIOSK_ID), alertId: z.string().min(1).max(80), by: z.string().min(1).max(60) }).strict(), body);
      return { acknowledged: await acknowledgeAlert(pool, b.kioskId, b.alertId, b.by, now()) };
    },
    'GET /v1/rollup': async (q) => ({ suppressedBelow: 5, rows: await cityRollup(pool, dayParam(q, 'from', now()), dayParam(q, 'to', now())) }),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    const key = `${req.method} ${url.pathname}`;
    try {
      if (key === 'GET /health') return send(res, 200, { ok: true, value: { status: 'ok' } });
      if (key === 'POST /v1/pair') {
        const b = parse(z.object({ kioskId: z.string().regex(KIOSK_ID), code: z.string().min(4).max(40) }).strict(), await readJson(req));
        const r = await redeemPairCode(pool, b.kioskId, b.code, now());
        log('kiosk paired', { kioskId: b.kioskId, venue: r.venue });
        return send(res, 200, { ok: true, value: r });
      }
      const kioskRoute = kioskRoutes[key];
      if (kioskRoute) {
        const who = await authenticateKiosk(pool, req.headers.authorization);
        const body = req.method === 'POST' ? await readJson(req) : undefined;
        return send(res, 200, { ok: true, value: await kioskRoute(who, body) });
      }
      if (key === 'GET /staff' || key === 'GET /staff/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'" });
        return res.end(staffPage());
      }
      const staffRoute = staffRoutes[key];
      const csv = key === 'GET /v1/rollup.csv';
      if (staffRoute || csv) {
        await requireStaff(req);
        if (csv) {
          const rows = await cityRollup(pool, dayParam(url.searchParams, 'from', now()), dayParam(url.searchParams, 'to', now()));
          res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="itda-rollup.csv"' });
          return res.end(rollupCsv(rows));
        }
        const body = req.method === 'POST' ? await readJson(req) : undefined;
        return send(res, 200, { ok: true, value: await staffRoute(url.searchParams, body) });
      }
      throw new HubError('hub.not_found', `no ${key}`);
    } catch (err) {
      const e = asHubError(err);
      if (e.code === 'hub.internal' || e.code === 'hub.unavailable') log(`hub ${key} failed`, { code: e.code, err: String((err as Error)?.message ?? err) });
      if (!res.headersSent) send(res, e.status, { ok: false, error: { code: e.code, message: e.message, retryable: e.retryable, ...e.detail } });
      else res.destroy();
    }
  };

  const requireStaff = async (req: IncomingMessage) => {
    if (isLoopback(req.socket.remoteAddress ?? '')) return;
    const key = req.headers['x-itda-staff-key'];
    if (await checkStaffKey(pool, typeof key === 'string' ? key : undefined)) return;
    throw new HubError('hub.forbidden', 'staff pages beyond this machine need a staff key (npm run hub -- staff-key --name NAME)');
  };

  const tls = opts.tls ? { cert: readFileSync(opts.tls.certFile), key: readFileSync(opts.tls.keyFile) } : null;
  const listener = (req: IncomingMessage, res: ServerResponse) => void handle(req, res);
  const server: Server = tls ? createTlsServer(tls, listener) : createServer(listener);
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const url = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new HubError('hub.bad_request', r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return r.data;
}

function dayParam(q: URLSearchParams, name: string, now: Date): string {
  const v = q.get(name);
  if (v === null) return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(now);
  return parse(DAY, v);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new HubError('hub.too_large', `request body over ${MAX_BODY} bytes`);
    chunks.push(c as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new HubError('hub.bad_request', 'the body is not JSON');
  }
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

/** PostgreSQL down or restarting is "try again", not a fault of the request. */
function asHubError(err: unknown): HubError {
  if (err instanceof HubError) return err;
  const code = (err as { code?: string })?.code ?? '';
  if (/^(08|57P)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code) || /Connection terminated|timeout exceeded/i.test(String((err as Error)?.message))) {
    return new HubError('hub.unavailable', 'the hub database is not reachable right now');
  }
  return new HubError('hub.internal', String((err as Error)?.message ?? err).slice(0, 300));
}
