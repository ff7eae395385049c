/**
 * Kiosk operations on the whole composed kiosk: `/healthz` on the host's own
 * port (loopback only, 200 or 503 with reasons), the nightly maintenance run
 * and its events, the disk guard on a pretend-full disk, and the staff alert
 * for a supervised process that keeps crashing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { startWebKiosk, type WebKiosk } from '../support/web-kiosk';
import { startTestServices, type TestServices } from '../support/test-services';
import { healthReport, isLoopbackPeer } from '../../electron/webhost/healthz';
import { Operations } from '../../electron/services/ops/operations';

let kiosk: WebKiosk | null = null;
let svc: TestServices | null = null;
afterEach(async () => {
  await kiosk?.stop();
  await svc?.stop();
  kiosk = null;
  svc = null;
});

function get(url: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: text.startsWith('{') ? JSON.parse(text) : text }));
    })
      .on('error', reject)
      .end();
  });
}

describe('/healthz', () => {
  it('answers 200 with version, uptime, database, devices and disk when visitors can be served', async () => {
    kiosk = await startWebKiosk();
    const r = await get(`${kiosk.url}/healthz`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      serving: true,
      version: 'test',
      database: { ok: true, reason: null },
      printer: { state: expect.any(String) },
      vending: { link: expect.any(String) },
      disk: { freeMb: expect.any(Number), minFreeMb: 512 },
      probes: {},
    });
    expect(r.body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('answers 503 with the reason when storage is out of service', async () => {
    kiosk = await startWebKiosk();
    kiosk.services.health.fail('storage.disk_full', 'no space left on device');
    const r = await get(`${kiosk.url}/healthz`);
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ status: 'out_of_service', serving: false });
    expect(r.body.reasons).toContain('database: storage.disk_full');
  });

  it('reports a hub-like probe: a warning keeps 200, not serving gives 503', async () => {
    kiosk = await startWebKiosk();
    const remove = kiosk.services.ops!.addProbe('outbox', () => ({ serving: true, reason: 'lag 120 s', detail: { lagSeconds: 120 } }));
    let r = await get(`${kiosk.url}/healthz`);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('degraded');
    expect(r.body.warnings).toContain('outbox: lag 120 s');
    remove();
    kiosk.services.ops!.addProbe('outbox', () => ({ serving: false, reason: 'hub unreachable' }));
    r = await get(`${kiosk.url}/healthz`);
    expect(r.status).toBe(503);
    expect(r.body.reasons).toContain('outbox: hub unreachable');
  });

  it('is for this machine only', () => {
    expect(isLoopbackPeer('127.0.0.1')).toBe(true);
    expect(isLoopbackPeer('::1')).toBe(true);
    expect(isLoopbackPeer('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackPeer('192.168.0.10')).toBe(false);
    expect(isLoopbackPeer(undefined)).toBe(false);
  });

  it('warns (200) about a printer fault: the kiosk still serves its other services', async () => {
    kiosk = await startWebKiosk();
    await kiosk.tech('printer.simFaults', { paperOut: true });
    const report = await healthReport(kiosk.services);
    expect(report.serving).toBe(true);
    expect(report.warnings.some((w) => w.startsWith('printer:'))).toBe(true);
  });
});

describe('nightly maintenance', () => {
  it('runs optimize, checkpoint, retention, preview and log trims, and records it', async () => {
    svc = await startTestServices();
    const ops = svc.services.ops!;
    const steps = ops.runMaintenance('manual');
    // Every domain that keeps per-visit rows purges them in the window (store visitors, 연결처방 suggestions).
    expect(Object.keys(steps).sort()).toEqual(['checkpoint', 'logs', 'optimize', 'previews', 'retention.connect', 'retention.store']);
    expect(Object.values(steps).every((s) => s.ok)).toBe(true);
    expect(JSON.parse(steps['retention.store']!.detail)).toEqual({ visitorsErased: 0 });
    expect(JSON.parse(steps['retention.connect']!.detail)).toEqual({ connectVisitRows: 0 });
    const types = svc.services.db!.prepare("SELECT type FROM events WHERE type LIKE 'ops.maintenance%' ORDER BY seq").pluck().all();
    expect(types).toEqual(['ops.maintenance_started', 'ops.maintenance_done']);
    expect(ops.lastMaintenanceDay()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('waits for the visitor to finish, then runs once that Seoul day', async () => {
    svc = await startTestServices();
    const s = svc.services;
    let now = new Date('2026-12-05T18:10:00Z'); // 03:10 in Seoul
    const ops = new Operations({
      db: s.db!,
      config: s.config,
      dataDir: s.dataDir,
      logger: s.logger,
      record: (t, p) => s.events!.append(t, p),
      raiseAlert: () => {},
      retention: [],
      now: () => now,
    });
    s.events!.append('visitor.session_started', { language: 'ko' }, new Date(now.getTime() - 10_000));
    ops.checkWindow();
    const count = (type: string) => s.db!.prepare('SELECT COUNT(*) FROM events WHERE type = ?').pluck().get(type);
    expect(count('ops.maintenance_deferred')).toBe(1);
    expect(count('ops.maintenance_done')).toBe(0);
    s.events!.append('visitor.session_reset', { reason: 'done' }, now);
    now = new Date(now.getTime() + 60_000);
    ops.checkWindow();
    ops.checkWindow();
    expect(count('ops.maintenance_done')).toBe(1);
    expect(ops.lastMaintenanceDay()).toBe('2026-12-06');
  });
});

describe('disk guard', () => {
  it('trims previews and old logs when the disk runs low, and records the episode once', async () => {
    svc = await startTestServices();
    const s = svc.services;
    const previews = join(s.dataDir, 'printer-sim');
    mkdirSync(previews, { recursive: true });
    writeFileSync(join(previews, 'old.png'), 'x');
    writeFileSync(join(s.dataDir, 'logs', 'itda.log.20261201T030000Z'), 'x');
    let free = 200 * 1_048_576; // below the 512 MB default, above a quarter of it
    const ops = new Operations({
      db: s.db!,
      config: s.config,
      dataDir: s.dataDir,
      logger: s.logger,
      record: (t, p) => s.events!.append(t, p),
      raiseAlert: () => {},
      retention: [],
      freeBytes: () => free,
    });
    ops.guardDisk();
    ops.guardDisk();
    expect(existsSync(join(previews, 'old.png'))).toBe(false);
    expect(existsSync(join(s.dataDir, 'logs', 'itda.log.20261201T030000Z'))).toBe(false);
    expect(existsSync(join(s.dataDir, 'itda.db'))).toBe(true);
    const count = (type: string) => s.db!.prepare('SELECT COUNT(*) FROM events WHERE type = ?').pluck().get(type);
    expect(count('ops.disk_low')).toBe(1);
    expect(ops.disk()).toMatchObject({ low: true, critical: false });
    free = 600 * 1_048_576;
    ops.guardDisk();
    expect(ops.disk().low).toBe(false);
  });
});

describe('runtime faults', () => {
  it('turns a crash streak of the browser into an event and a staff alert', async () => {
    svc = await startTestServices();
    svc.services.ops!.reportRuntimeFault({ process: 'browser', streak: 4, backoffMs: 2000 });
    const db = svc.services.db!;
    expect(db.prepare("SELECT COUNT(*) FROM events WHERE type = 'ops.runtime_fault'").pluck().get()).toBe(1);
    const alert = db.prepare("SELECT kind, detail FROM staff_alerts WHERE kind = 'runtime_fault'").get() as { kind: string; detail: string };
    expect(JSON.parse(alert.detail)).toEqual({ process: 'browser', streak: 4 });
  });
});
