/**
 * `GET /healthz` on the host's own port, answered to this machine only
 * (systemd, a technician's curl, the kiosk runtime): 200 when visitors can be
 * served, 503 with reasons when they cannot. Printer and vending faults make
 * it `degraded` (the kiosk still serves its other services) with 200, so a
 * paper-out never gets the host restarted by a watchdog.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../services/compose';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export const HEALTHZ_PATH = '/healthz';

export function isLoopbackPeer(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export interface HealthzReport {
  status: 'ok' | 'degraded' | 'out_of_service';
  serving: boolean;
  reasons: string[];
  warnings: string[];
  version: string | null;
  kioskId: string;
  uptimeSeconds: number;
  database: { ok: boolean; reason: string | null };
  printer: { state: string; faults: string[] } | null;
  vending: { link: string; faults: string[] } | null;
  disk: { freeMb: number; minFreeMb: number; low: boolean } | null;
  lastMaintenanceDay: string | null;
  probes: Record<string, { serving: boolean; reason?: string; detail?: Record<string, unknown> }>;
}

async function value<T>(services: Services, method: string): Promise<T | null> {
  // In-process, as the CLIs call: the principal is `local`.
  const r = await services.dispatch(method, {}, { transport: 'cli', principal: { kind: 'local' } });
  return r.ok ? (r.value as T) : null;
}

export async function healthReport(services: Services): Promise<HealthzReport> {
  const reasons: string[] = [];
  const warnings: string[] = [];
  const health = services.health.current;
  let dbOk = health.status === 'ok' && services.db !== null;
  if (dbOk) {
    try {
      services.db!.prepare('SELECT 1').get();
    } catch (err) {
      dbOk = false;
      reasons.push(`database: ${(err as Error).message}`);
    }
  }
  if (health.status !== 'ok') reasons.push(`database: ${health.reason}`);
  const info = await value<{ version: string }>(services, 'app.info');
  const printer = dbOk ? await value<{ state: string; faults: string[] }>(services, 'printer.status') : null;
  const vending = dbOk ? await value<{ link: string; faults: string[] }>(services, 'vending.status') : null;
  if (printer && printer.state !== 'ok' && printer.state !== 'unknown') warnings.push(`printer: ${printer.faults.join(', ') || printer.state}`);
  if (vending && vending.link !== 'up') warnings.push('vending: link down');
  if (vending && vending.faults.length) warnings.push(`vending: ${vending.faults.join(', ')}`);
  const disk = services.ops?.disk() ?? null;
  if (disk?.critical) reasons.push(`disk: ${disk.freeMb} MB free`);
  else if (disk?.low) warnings.push(`disk: ${disk.freeMb} MB free, below ${disk.minFreeMb} MB`);
  const probes = services.ops?.runProbes() ?? {};
  for (const [name, p] of Object.entries(probes)) {
    if (!p.serving) reasons.push(`${name}: ${p.reason ?? 'not serving'}`);
    else if (p.reason) warnings.push(`${name}: ${p.reason}`);
  }
  const serving = reasons.length === 0;
  return {
    status: serving ? (warnings.length ? 'degraded' : 'ok') : 'out_of_service',
    serving,
    reasons,
    warnings,
    version: info?.version ?? null,
    kioskId: services.kioskId,
    uptimeSeconds: Math.round(process.uptime()),
    database: { ok: dbOk, reason: dbOk ? null : (health.reason ?? 'unavailable') },
    printer: printer && { state: printer.state, faults: printer.faults },
    vending: vending && { link: vending.link, faults: vending.faults },
    disk: disk && { freeMb: disk.freeMb, minFreeMb: disk.minFreeMb, low: disk.low },
    lastMaintenanceDay: services.ops?.lastMaintenanceDay() ?? null,
    probes,
  };
}

/** Wraps the host's request handler: `/healthz` first, everything else unchanged. */
export function withHealthz(services: Services, next: Handler): Handler {
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== HEALTHZ_PATH) return next(req, res);
    if (!isLoopbackPeer(req.socket.remoteAddress)) {
      // Not this machine: as if there were no such page.
      return next(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    healthReport(services).then(
      (report) => {
        res.writeHead(report.serving ? 200 : 503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : JSON.stringify(report));
      },
      (err) => {
        res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ status: 'out_of_service', serving: false, reasons: [`healthz: ${(err as Error).message}`] }));
      },
    );
  };
}
