/**
 * The kiosk's data at rest and under faults. Before: itda.db, its WAL and
 * the log were 0644 (nicknames and PIN hashes readable by any local user);
 * one static read error killed the host; on a full disk a visitor's staff
 * call failed and the kiosk stayed out of service until restarted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '../../electron/services/compose';
import { parseConfig } from '../../electron/services/config/load-config';
import { createLogger, type Logger } from '../../electron/services/app/logger';
import { startWebHost } from '../../electron/webhost/server';
import { makeTempDir } from '../support/temp-dir';
import { startWebKiosk, type WebKiosk } from '../support/web-kiosk';
import { openScreenSocket } from '../support/screen-socket';
import { TEST_PINS, TEST_STAFF_HOST } from '../support/staff-pins';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);

function capturingLogger(lines: string[]): Logger {
  const make = (): Logger => ({
    debug: () => {},
    info: () => {},
    warn: (m) => void lines.push(m),
    error: (m) => void lines.push(m),
    child: () => make(),
  });
  return make();
}

describe('file modes', () => {
  it('a fresh data dir is 0700 and the database, WAL, SHM and log are 0600, even under a loose umask', async () => {
    const temp = makeTempDir('itda-modes-');
    cleanups.push(() => temp.remove());
    const dataDir = join(temp.path, 'data');
    const before = process.umask(0o022);
    cleanups.push(() => void process.umask(before));
    const services = await composeServices({ dataDir, config: parseConfig({}), host: 'web', version: 't', logger: createLogger({ dir: join(dataDir, 'logs'), echo: false }) });
    cleanups.push(() => services.close());
    await services.dispatch('app.staffCall', { screen: 'home', language: 'ko' });
    expect(mode(dataDir)).toBe('700');
    for (const f of ['itda.db', 'itda.db-wal', 'itda.db-shm']) expect([f, mode(join(dataDir, f))]).toEqual([f, '600']);
    expect(mode(join(dataDir, 'logs'))).toBe('700');
    expect(mode(join(dataDir, 'logs', 'itda.log'))).toBe('600');
    for (const f of existsSync(join(dataDir, 'keys')) ? readdirSync(join(dataDir, 'keys')) : []) expect(mode(join(dataDir, 'keys', f))).toBe('600');
  });

  it('a loosened database or data dir is reported at start with the chmod that fixes it', async () => {
    const temp = makeTempDir('itda-modes-');
    cleanups.push(() => temp.remove());
    const dataDir = join(temp.path, 'data');
    const first = await composeServices({ dataDir, config: parseConfig({}), host: 'web', version: 't', logger: createLogger({ dir: null, echo: false }), modules: [] });
    await first.close();
    chmodSync(join(dataDir, 'itda.db'), 0o644);
    chmodSync(dataDir, 0o755);
    const lines: string[] = [];
    const again = await composeServices({ dataDir, config: parseConfig({}), host: 'web', version: 't', logger: capturingLogger(lines), modules: [] });
    cleanups.push(() => again.close());
    expect(lines).toContain(`data readable by other users: ${join(dataDir, 'itda.db')} is 0644; run chmod 600 '${join(dataDir, 'itda.db')}'`);
    expect(lines.some((l) => l.includes(`${dataDir} is 0755; run chmod 700`))).toBe(true);
  });
});

describe('log rotation', () => {
  it('keeps at most maxFiles files of about maxBytes each, newest in itda.log', () => {
    const temp = makeTempDir('itda-logs-');
    cleanups.push(() => temp.remove());
    const log = createLogger({ dir: temp.path, echo: false, maxBytes: 2_000, maxFiles: 3 });
    for (let i = 0; i < 500; i++) log.info('a fault that logs in a loop', { i });
    const files = readdirSync(temp.path).sort();
    expect(files).toEqual(['itda.log', 'itda.log.1', 'itda.log.2']);
    for (const f of files) expect(statSync(join(temp.path, f)).size).toBeLessThanOrEqual(2_000);
    expect(execFileSync('tail', ['-n', '1', join(temp.path, 'itda.log')]).toString()).toContain('"i":499');
  });
});

describe('static files', () => {
  it('a read error answers 500 for that request and the host keeps serving', async () => {
    const temp = makeTempDir('itda-static-');
    cleanups.push(() => temp.remove());
    const renderer = join(temp.path, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>kiosk</title>');
    // stat says "a file"; reading it fails with EIO (what a file replaced mid-serve or a bad sector gives).
    symlinkSync('/proc/self/mem', join(renderer, 'assets', 'broken.js'));
    const services = await composeServices({ dataDir: join(temp.path, 'data'), config: parseConfig({}), host: 'web', version: 't', logger: createLogger({ dir: null, echo: false }), modules: [] });
    cleanups.push(() => services.close());
    const host = await startWebHost({ services, rendererDir: renderer, port: 0 });
    cleanups.push(() => host.close());
    for (let i = 0; i < 3; i++) expect((await fetch(`${host.url}/assets/broken.js`)).status).toBe(500);
    const page = await fetch(`${host.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>kiosk</title>');
  });
});

describe('disk full', () => {
  it('staff calls and crisis reach the console while the disk is full, are written when space returns, and the kiosk serves again without restart', { timeout: 180_000 }, async () => {
    const temp = makeTempDir('itda-full-');
    cleanups.push(() => temp.remove());
    const mnt = join(temp.path, 'mnt');
    mkdirSync(mnt);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', mnt]);
    cleanups.push(() => void execFileSync('umount', ['-l', mnt]));
    // On this small disk the disk guard empties the live log, so the setup code is taken where it is announced.
    const announced: string[] = [];
    const kiosk: WebKiosk = await startWebKiosk({}, { dataDir: join(mnt, 'data'), staff: { ...TEST_STAFF_HOST, announce: (l) => announced.push(l) } });
    cleanups.push(() => kiosk.stop());
    await expect.poll(() => announced.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const code = /staff setup code: ([0-9]{10})/.exec(announced.at(-1)!)![1];
    expect(await kiosk.services.dispatch('staff.setup', { code, pin: TEST_PINS.admin })).toMatchObject({ ok: true });
    const ws = await openScreenSocket(kiosk.url);
    cleanups.push(() => ws.close());

    // Fill the disk to the last byte.
    const filler = join(mnt, 'filler');
    const fd = openSync(filler, 'w');
    const chunk = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) writeSync(fd, chunk);
    } catch {
      try {
        for (;;) writeSync(fd, chunk, 0, 512);
      } catch {
        // Full.
      }
    } finally {
      closeSync(fd);
    }
    // Staff calls go on (free pages inside the database; the disk guard trims logs and prunes what it may)
    // until SQLite needs a page it cannot have: that call is pushed, kept for later, and the kiosk is out of service.
    const dispatch = kiosk.services.dispatch;
    const raised: string[] = [];
    for (let i = 0; i < 20_000 && kiosk.services.health.ok; i++) {
      if (i % 20 === 0) {
        const fd = openSync(filler, 'a');
        try {
          for (;;) writeSync(fd, chunk, 0, 512);
        } catch {
          // Full again.
        } finally {
          closeSync(fd);
        }
      }
      const r = await dispatch('app.staffCall', { screen: 'home', language: 'ko' });
      expect(r.ok).toBe(true);
      if (!kiosk.services.health.ok) raised.push((r as any).value.alertId);
    }
    expect(kiosk.services.health.current).toMatchObject({ status: 'out_of_service', reason: 'storage.disk_full' });

    // A visitor's staff call and crisis: answered, and pushed to every connected screen at once.
    const pushedIds = new Set<string>();
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString());
      if (m.push?.name === 'staff.alert') pushedIds.add(m.push.payload.id);
    });
    const call = await dispatch('app.staffCall', { screen: 'home', language: 'ko' }, { transport: 'ws', principal: { kind: 'screen' } });
    expect(call).toMatchObject({ ok: true });
    await expect.poll(() => pushedIds.has((call as any).value.alertId)).toBe(true);
    raised.push((call as any).value.alertId);
    const crisis = await dispatch('store.crisis', { requestId: 'req-full-0001' }, { transport: 'ws', principal: { kind: 'screen' } });
    expect(crisis).toMatchObject({ ok: true });
    raised.push((crisis as any).value.alertId);
    expect(kiosk.count(`SELECT COUNT(*) FROM staff_alerts WHERE id IN ('${raised.join("','")}')`)).toBe(0);

    // Staff can still sign in to answer them: the session lives in memory.
    const login = await dispatch('staff.login', { pin: TEST_PINS.admin });
    expect(login).toMatchObject({ ok: true, value: { role: 'admin' } });

    // Space returns: within a few seconds the kiosk is back by itself and the alerts are on disk.
    rmSync(filler);
    await expect.poll(() => kiosk.services.health.ok, { timeout: 30_000, interval: 250 }).toBe(true);
    expect(kiosk.count(`SELECT COUNT(*) FROM staff_alerts WHERE id IN ('${raised.join("','")}')`)).toBe(raised.length);
    expect(kiosk.count("SELECT COUNT(*) FROM store_crisis_requests WHERE request_id = 'req-full-0001'")).toBe(1);
    expect(await dispatch('app.visitorEvent', { kind: 'screen.view', screen: 'home' })).toMatchObject({ ok: true });
  });
});
