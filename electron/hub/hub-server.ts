/**
 * The hub's HTTP API and console page. Kiosks call `/v1/*` with their device
 * credential. Staff pages and the city export follow the kiosk's rules
 * (`hub-staff.ts`, `hub-access.ts`): an enrolled device (pairing page and
 * cookie, the kiosk's own `device-gate.ts`), then a staff PIN whose session is
 * bound to that device, then the route's rule at the door, from this machine
 * as from any other. The city's scheduled job instead sends its export token
 * (`city-export.ts`) and reaches the roll-up only. Like the kiosk's web host,
 * it refuses to listen beyond loopback without TLS.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { z } from 'zod';
import { HubError } from './hub-errors';
import { authenticateKiosk, KIOSK_ID, redeemPairCode, type KioskPrincipal } from './pairing';
import { ingestBatch, parseBatch } from './ingest';
import { acknowledgeAlert, fleet, heartbeatSchema, listAlerts, OFFLINE_AFTER_MS, recordHeartbeat, venueDashboard } from './fleet';
import { claimSlot, issueTicket, takenSlots, ticketsAhead } from './venue-queue';
import { decidedTickets, venueTickets } from './venue-queue-calls';
import { venueKioskRoutes, venueStaffRoutes } from './hub-venue-routes';
import { cityRollup, CsvFile, rollupAnswer, rollupRange, type RollupRow } from './city-rollup';
import { authenticateCity, carriesCityToken, recordCityRead } from './city-export';
import { adminRoutes } from './hub-admin-routes';
import { staffPage } from './staff-page';
import { rebalanceSnacks } from './snack-shares';
import { HubStaff, type HubDevice } from './hub-staff';
import { actionTarget, admitCity, admitRole, hubRuleOf, type HubStaffRule } from './hub-access';
import { StaffError } from '../services/staff/staff-errors';
import type { ScryptParams } from '../services/staff/pin-hash';
import { handleDeviceRequest, PAIR_PATH } from '../webhost/device-gate';
import { parseCookies } from '../webhost/upgrade-gate';
import { monotonicNow } from '../services/app/monotonic-clock';
import { VenueKeys } from './venue-keys';
import { applyVenueVisitorBatch, purgeVenueVisitors, recallManySchema, recallSchema, recallVenueVisitor, recallVenueVisitors, VenueKeyMismatch, venueVisitorBatchSchema } from './venue-visitors';

export interface HubServerOptions {
  pool: pg.Pool;
  port: number;
  host?: string;
  tls?: { certFile: string; keyFile: string } | null;
  /** The hub's clock (tests move it instead of waiting). */
  now?: () => Date;
  offlineAfterMs?: number;
  log?: (line: string, fields?: Record<string, unknown>) => void;
  /** Clock of staff session durations (monotonic unless a test moves it). */
  sessionClock?: () => number;
  /** Hash parameters for new PINs (tests may pass cheaper ones). */
  hashParams?: ScryptParams;
  /**
   * Where the venue keys live (`<data>/keys`, never in PostgreSQL: `venue-keys.ts`). Without it
   * the hub hands out no venue key, and kiosks recognise only their own returning visitors.
   */
  keysDir?: string;
}

export interface HubServer {
  url: string;
  server: Server;
  /** Devices, PINs and sessions of the hub's staff side (the CLI and tests add PINs and codes here). */
  staff: HubStaff;
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
  const staff = new HubStaff(pool, { now: () => now().getTime(), sessionClock: opts.sessionClock ?? monotonicNow, hashParams: opts.hashParams, log });
  const venueKeys = opts.keysDir ? new VenueKeys(opts.keysDir, pool, log) : null;
  const venueKeyOf = (venue: string) => {
    if (!venueKeys) throw new HubError('hub.not_found', 'this hub keeps no venue keys (started without a data dir): kiosks recognise only their own visitors');
    return venueKeys.keyFor(venue);
  };

  const kioskRoutes: Record<string, (who: KioskPrincipal, body: unknown) => Promise<unknown>> = {
    'POST /v1/events': async (who, body) => ingestBatch(pool, who, parseBatch(body)),
    'POST /v1/heartbeat': async (who, body) => {
      const beat = parse(heartbeatSchema, body);
      const at = now();
      const r = await recordHeartbeat(pool, who, beat, at);
      // What staff decided elsewhere about this kiosk's tickets: it records and shows them (venue-queue-calls.ts).
      return { ...r, snacks: await rebalanceSnacks(pool, who, beat.snacks, at, offlineAfterMs), tickets: await decidedTickets(pool, who.kioskId, at) };
    },
    'POST /v1/tickets': async (who, body) => {
      const b = parse(z.object({ entryId: z.string().min(1).max(64), day: DAY }).strict(), body);
      return issueTicket(pool, who, b.entryId, b.day, now());
    },
    'POST /v1/tickets/ahead': async (who, body) => {
      const b = parse(z.object({ entryId: z.string().min(1).max(64), day: DAY }).strict(), body);
      return ticketsAhead(pool, who, b.entryId, b.day);
    },
    'POST /v1/bookings': async (who, body) => {
      const b = parse(z.object({ bookingId: z.string().min(1).max(64), slotStart: z.iso.datetime() }).strict(), body);
      return claimSlot(pool, who, b.bookingId, new Date(b.slotStart), now());
    },
    'GET /v1/bookings': async (who) => ({ taken: await takenSlots(pool, who.venue, new Date(now().getTime() - 86_400_000)) }),
    // Returning visitors across the venue (venue-visitors.ts): the key for kiosks paired before it existed, records in, records out.
    'GET /v1/venue-key': async (who) => venueKeyOf(who.venue),
    'POST /v1/venue-visitors': async (who, body) => {
      const b = parse(venueVisitorBatchSchema, body);
      const key = await venueKeyOf(who.venue);
      try {
        return await applyVenueVisitorBatch(pool, who, key.keyId, b, now());
      } catch (err) {
        if (err instanceof VenueKeyMismatch) throw new HubError('hub.venue_key_changed', err.message, { keyId: key.keyId });
        throw err;
      }
    },
    'POST /v1/venue-visitors/recall': async (who, body) => {
      const b = parse(recallSchema, body);
      return recallVenueVisitor(pool, who, b.lookup, b.keyId, now());
    },
    'POST /v1/venue-visitors/recall-many': async (who, body) => {
      const b = parse(recallManySchema, body);
      return recallVenueVisitors(pool, who, b.lookups, b.keyId, now());
    },
    ...venueKioskRoutes({ pool, now, parse }),
  };

  const staffRoutes: Record<string, (q: URLSearchParams, body: unknown, device: HubDevice) => Promise<unknown>> = {
    'GET /v1/fleet': async () => ({ now: now().toISOString(), offlineAfterMs, kiosks: await fleet(pool, now(), offlineAfterMs) }),
    'GET /v1/dashboard': async (q) => ({ venues: await venueDashboard(pool, dayParam(q, 'day', now()), now(), offlineAfterMs) }),
    'GET /v1/queue': async (q) => ({ tickets: await venueTickets(pool, q.get('venue') ?? '', dayParam(q, 'day', now())) }),
    'GET /v1/alerts': async (q) => ({ alerts: await listAlerts(pool, { includeAcknowledged: q.get('all') === '1' }) }),
    // Who acknowledged is the enrolled device the staff member used (the PIN's id is in staff_actions).
    'POST /v1/alerts/acknowledge': async (_q, body, device) => {
      const b = parse(z.object({ kioskId: z.string().regex(KIOSK_ID), alertId: z.string().min(1).max(80) }).strict(), body);
      return { acknowledged: await acknowledgeAlert(pool, b.kioskId, b.alertId, device.name, now()) };
    },
    'GET /v1/rollup': async (q) => rollupAnswer('GET /v1/rollup', ...(await rollupOf(q))),
    'GET /v1/rollup.csv': async (q) => rollupAnswer('GET /v1/rollup.csv', ...(await rollupOf(q))),
    ...venueStaffRoutes({ pool, now, parse }),
    ...Object.fromEntries(Object.entries(adminRoutes({ pool, staff, now, parse })).map(([route, h]) => [route, (_q: URLSearchParams, body: unknown, device: HubDevice) => h(body, device)])),
  };

  const rollupOf = async (q: URLSearchParams): Promise<[{ from: string; to: string }, RollupRow[]]> => {
    const range = rollupRange(q, seoulDay(now()));
    return [range, await cityRollup(pool, range.from, range.to)];
  };

  /** The city's scheduled job: its token, over https (or on this machine), the roll-up only, every fetch written down. */
  const serveCity = async (req: IncomingMessage, res: ServerResponse, key: string, rule: HubStaffRule, q: URLSearchParams) => {
    const peer = req.socket.remoteAddress ?? '';
    if (!opts.tls && !isLoopback(peer)) throw new HubError('hub.forbidden', 'the city export is served over https only');
    const reader = await authenticateCity(pool, req.headers.authorization).catch((err: unknown) => {
      res.setHeader('www-authenticate', 'Bearer realm="itda-hub city export"');
      throw err;
    });
    admitCity(rule, key);
    const [range, rows] = await rollupOf(q);
    await recordCityRead(pool, reader, { route: key, ...range, rows: rows.length, peer: peer || null }, now());
    log('city roll-up fetched', { name: reader.name, route: key, from: range.from, to: range.to, rows: rows.length });
    return answer(res, rollupAnswer(key, range, rows));
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
        // The venue key travels with the credential, over this same HTTPS (or loopback) exchange.
        const venueKey = venueKeys ? await venueKeys.keyFor(r.venue) : undefined;
        return send(res, 200, { ok: true, value: { ...r, venueKey } });
      }
      const kioskRoute = kioskRoutes[key];
      if (kioskRoute) {
        const who = await authenticateKiosk(pool, req.headers.authorization);
        const body = req.method === 'POST' ? await readJson(req) : undefined;
        return send(res, 200, { ok: true, value: await kioskRoute(who, body) });
      }
      if (key === 'GET /staff' || key === 'GET /staff/' || key === `POST ${PAIR_PATH}` || key === `GET ${PAIR_PATH}`) {
        // The kiosk's own gate: an unknown device sees only "enter the pairing code".
        return handleDeviceRequest(req, res, {
          devices: staff,
          place: 'hub',
          log: { info: (l, f) => log(l, f), warn: (l, f) => log(l, f) },
          serveStatic: (_req, r) => {
            r.writeHead(200, {
              'content-type': 'text/html; charset=utf-8',
              'cache-control': 'no-store',
              'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; frame-ancestors 'none'",
              'x-content-type-options': 'nosniff',
              'referrer-policy': 'no-referrer',
            });
            r.end(staffPage());
          },
        });
      }
      if (key === 'POST /staff/login') {
        const device = await enrolledDevice(req);
        const b = parse(z.object({ pin: z.string().min(1).max(16) }).strict(), await readJson(req));
        const s = await staff.login(b.pin, device);
        return send(res, 200, { ok: true, value: { token: s.token, role: s.role, idleMs: s.expiresAt - s.lastInputAt } });
      }
      if (key === 'POST /staff/activity' || key === 'POST /staff/logout') {
        const device = await enrolledDevice(req);
        const token = staffToken(req);
        if (key === 'POST /staff/logout') {
          staff.sessions.logout(token);
          return send(res, 200, { ok: true, value: { loggedOut: true } });
        }
        staff.session(token, device);
        const s = staff.sessions.touch(token);
        return send(res, 200, { ok: true, value: { role: s.role, idleMs: s.expiresAt - s.lastInputAt } });
      }
      const rule = hubRuleOf(key);
      const staffRoute = staffRoutes[key];
      if (rule && staffRoute) {
        if (carriesCityToken(req.headers.authorization)) return await serveCity(req, res, key, rule, url.searchParams);
        const device = await enrolledDevice(req);
        const session = staff.session(staffToken(req), device);
        admitRole(rule, session);
        const body = req.method === 'POST' ? await readJson(req) : undefined;
        const value = await staffRoute(url.searchParams, body, device);
        if (rule.does === 'act') await staff.recordAction(session, key, actionTarget(rule, url.searchParams, body), req.socket.remoteAddress ?? null);
        return answer(res, value);
      }
      throw new HubError('hub.not_found', `no ${key}`);
    } catch (err) {
      if (err instanceof StaffError) {
        if (!res.headersSent) send(res, STAFF_STATUS[err.code] ?? 400, { ok: false, error: { code: err.code, message: err.message, retryable: err.retryable, details: err.details ?? [] } });
        return;
      }
      const e = asHubError(err);
      if (e.code === 'hub.internal' || e.code === 'hub.unavailable') log(`hub ${key} failed`, { code: e.code, err: String((err as Error)?.message ?? err) });
      if (!res.headersSent) send(res, e.status, { ok: false, error: { code: e.code, message: e.message, retryable: e.retryable, ...e.detail } });
      else res.destroy();
    }
  };

  /** The enrolled device behind a staff request (its cookie), or a refusal that says how to enroll. */
  const enrolledDevice = async (req: IncomingMessage): Promise<HubDevice> => {
    const credential = parseCookies(req.headers.cookie)[staff.cookieName];
    const device = credential ? await staff.find(credential) : null;
    if (!device) throw new HubError('hub.forbidden', 'this device is not enrolled: open /staff and enter a pairing code (npm run hub -- pair-device --name NAME)');
    return device;
  };

  const sweep = setInterval(() => staff.sessions.sweep(), 30_000);
  sweep.unref();
  // The hub forgets visitor records past their window itself, whatever the kiosks do (at start, then hourly).
  const purgeVisitors = () =>
    void purgeVenueVisitors(pool, now()).then(
      (n) => n.records + n.notes > 0 && log('venue visitor records past retention dropped', n),
      (err) => log('venue visitor purge failed', { err: String((err as Error)?.message ?? err) }),
    );
  purgeVisitors();
  const visitorPurge = setInterval(purgeVisitors, 3_600_000);
  visitorPurge.unref();

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
    staff,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweep);
        clearInterval(visitorPurge);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function answer(res: ServerResponse, value: unknown): void {
  if (!(value instanceof CsvFile)) return send(res, 200, { ok: true, value });
  res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${value.name}"`, 'cache-control': 'no-store' });
  res.end(value.text);
}

const seoulDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(at);

const STAFF_STATUS: Record<string, number> = {
  'staff.pin_wrong': 401,
  'staff.pin_taken': 409,
  'staff.last_admin': 409,
  'staff.pin_not_found': 404,
  'staff.device_not_found': 404,
  'staff.session_expired': 401,
  'staff.locked': 429,
  'staff.forbidden': 403,
  'staff.setup_required': 409,
};

function staffToken(req: IncomingMessage): string {
  const t = req.headers['x-itda-staff-token'];
  if (typeof t !== 'string' || !t) throw new StaffError('staff.session_expired', 'log in with a staff PIN first');
  return t;
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new HubError('hub.bad_request', r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return r.data;
}

function dayParam(q: URLSearchParams, name: string, now: Date): string {
  const v = q.get(name);
  if (v === null) return seoulDay(now);
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
