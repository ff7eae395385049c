/**
 * The browser kiosk runtime for real, on a virtual display (Xvfb): the built
 * supervisor starts the built host and Debian's Chromium full screen on the
 * attract screen; a tap reaches home; a killed browser and a killed host come
 * back; SIGTERM stops everything and frees the lock. Screenshots are kept in
 * test-results/browser-runtime/. Runs as root here, hence --no-sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ensureHostBuilt } from '../support/renderer-build';
import { makeTempDir } from '../support/temp-dir';
import { startXDisplay, xDisplayAvailable, type XDisplay } from '../support/x-display';
import { chromiumAvailable, CHROMIUM_PATH } from '../support/browser';
import type { RuntimeStatus } from '../../electron/runtime/kiosk-runtime';

const root = join(import.meta.dirname, '..', '..');
const shots = join(root, 'test-results', 'browser-runtime');
const available = xDisplayAvailable() && chromiumAvailable();

let x: XDisplay;
let runtime: ChildProcess;
let dir: ReturnType<typeof makeTempDir>;
let port = 0;
let runtimeLog = '';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

function status(): RuntimeStatus | null {
  try {
    return JSON.parse(readFileSync(join(dir.path, 'run', 'kiosk-runtime.json'), 'utf8')) as RuntimeStatus;
  } catch {
    return null;
  }
}

async function until<T>(what: string, probe: () => T | null | undefined | false | Promise<T | null | undefined | false>, ms: number): Promise<T> {
  const end = performance.now() + ms;
  let lastError = '';
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (err) {
      // A screenshot tool that times out on a loaded machine is "not yet", not a verdict.
      lastError = (err as Error).message;
    }
    if (performance.now() > end) throw new Error(`timed out after ${ms / 1000} s waiting for ${what} ${lastError}\n${runtimeLog.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The colour at the screen's centre: the attract screen's breathing circle (teal), or on home the second service's card (deep blue). */
function centre(name: string): { r: number; g: number; b: number } {
  const file = join(shots, `${name}.png`);
  x.screenshot(file);
  return x.meanColor(file, { x: 500, y: 840, w: 80, h: 80 });
}

function attractVisible(name: string): boolean {
  const c = centre(name);
  return c.g - c.r > 15 && Math.abs(c.g - c.b) < 25;
}

function homeVisible(name: string): boolean {
  const c = centre(name);
  return c.b - c.r > 60 && c.b - c.g > 30;
}

function countEvents(type: string): number {
  const db = new Database(join(dir.path, 'itda.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM events WHERE type = ?').pluck().get(type) as number;
  } finally {
    db.close();
  }
}

describe.skipIf(!available)('browser kiosk runtime under Xvfb', () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const outNode = await ensureHostBuilt();
    x = await startXDisplay();
    dir = makeTempDir('itda-browser-runtime-');
    port = await freePort();
    runtime = spawn(process.execPath, [join(outNode, 'kiosk-runtime.js'), '--runtime', 'browser', '--no-sandbox', '--port', String(port), '--data', dir.path], {
      cwd: root,
      env: { ...process.env, DISPLAY: x.display, ITDA_BROWSER: CHROMIUM_PATH, ITDA_LOG_ECHO: '0', ITDA_IDLE_SECONDS: '3600' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    runtime.stdout!.on('data', (d: Buffer) => (runtimeLog += d));
    runtime.stderr!.on('data', (d: Buffer) => (runtimeLog += d));
  }, 300_000);

  afterAll(async () => {
    if (runtime && runtime.exitCode === null) {
      const gone = new Promise((r) => runtime.once('exit', r));
      runtime.kill('SIGKILL');
      await gone;
    }
    for (const pid of [status()?.browserPid, status()?.hostPid]) if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    await x?.stop();
    dir?.remove();
  }, 60_000);

  it('shows the attract screen full screen, and a tap reaches home', async () => {
    await until('the browser to start', () => status()?.browserPid, 120_000);
    await until('the attract screen on the display', () => attractVisible('1-attract'), 120_000);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    x.tap(540, 1200);
    await until('the visit to start (home screen)', () => countEvents('visitor.session_started') >= 1, 60_000);
    await until('home on the display', () => homeVisible('2-home'), 60_000);
  }, 300_000);

  it('brings a killed browser back, on the attract screen', async () => {
    const before = status()!.browserPid!;
    process.kill(before, 'SIGKILL');
    const after = await until('a new browser', () => {
      const pid = status()?.browserPid;
      return pid && pid !== before ? pid : null;
    }, 30_000);
    expect(alive(after)).toBe(true);
    await until('the attract screen after the restart', () => attractVisible('3-after-browser-kill'), 120_000);
  }, 300_000);

  it('brings a killed host back on the same port', async () => {
    const before = status()!.hostPid!;
    process.kill(before, 'SIGKILL');
    const after = await until('a new host', () => {
      const pid = status()?.hostPid;
      return pid && pid !== before ? pid : null;
    }, 30_000);
    expect(alive(after)).toBe(true);
    const health = await until('the new host to answer', async () => {
      try {
        return await fetch(`http://127.0.0.1:${port}/healthz`);
      } catch {
        return null;
      }
    }, 120_000);
    expect(health.status).toBe(200);
    expect(alive(status()!.browserPid!)).toBe(true);
  }, 300_000);

  it('stops the browser and the host on SIGTERM and frees the lock', async () => {
    const { browserPid, hostPid } = status()!;
    const exited = new Promise<number | null>((r) => runtime.once('exit', (code) => r(code)));
    runtime.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(alive(browserPid!)).toBe(false);
    expect(alive(hostPid!)).toBe(false);
    expect(existsSync(join(dir.path, 'run', 'kiosk-runtime.lock'))).toBe(false);
  }, 120_000);
});
