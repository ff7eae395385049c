/**
 * `npm start`'s chooser (out/node/kiosk-runtime.js) as the person who typed it
 * sees it: which runtime it picks and the one sentence it says when it cannot
 * show the kiosk. Nothing is launched on a screen here (the Xvfb suite does that).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureHostBuilt } from '../support/renderer-build';
import { makeTempDir } from '../support/temp-dir';

const root = join(import.meta.dirname, '..', '..');
let entry = '';

beforeAll(async () => {
  entry = join(await ensureHostBuilt(), 'kiosk-runtime.js');
}, 300_000);

function start(args: string[], env: Record<string, string | undefined>) {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k];
  return spawnSync(process.execPath, [entry, ...args], { cwd: root, encoding: 'utf8', env: merged, timeout: 60_000 });
}

describe('npm start chooser', () => {
  it('refuses an unknown --runtime, naming the three it knows', () => {
    const r = start(['--runtime', 'firefox'], {});
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('--runtime must be one of electron, browser, none, got "firefox"');
  });

  it('with a browser but no display, says so in one sentence', () => {
    const r = start(['--runtime', 'browser'], { DISPLAY: undefined, WAYLAND_DISPLAY: undefined, ITDA_BROWSER: '/bin/true' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('No display to show the kiosk on');
  });

  it('names ITDA_BROWSER when it points nowhere', () => {
    const r = start(['--runtime', 'browser'], { DISPLAY: ':99', ITDA_BROWSER: '/nonexistent/chrome' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('No Chromium-family browser found');
  });

  it.skipIf(process.getuid?.() !== 0)('as root, refuses the browser sandbox-less unless asked (--no-sandbox is for test machines)', () => {
    const r = start(['--runtime', 'browser'], { DISPLAY: ':99', ITDA_BROWSER: '/bin/true' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('will not run as root with its sandbox on');
  });

  it('hands over to the Electron start path when the Electron binary is installed', () => {
    const dist = makeTempDir('itda-electron-dist-');
    try {
      const fake = join(dist.path, 'electron');
      writeFileSync(fake, '#!/bin/sh\necho launched\n');
      chmodSync(fake, 0o755);
      // start-electron.mjs checks for a display before it builds or launches anything.
      const r = start([], { ELECTRON_OVERRIDE_DIST_PATH: dist.path, DISPLAY: undefined, WAYLAND_DISPLAY: undefined });
      expect(r.stdout).not.toContain('launched');
      expect(r.stderr).toContain('No display to show the kiosk on ($DISPLAY is not set)');
      expect(r.stderr).toContain('npm run start:web');
    } finally {
      dist.remove();
    }
  });

  it('--runtime none starts the web host alone and says where to open it', async () => {
    const data = makeTempDir('itda-none-');
    const child = spawn(process.execPath, [entry, '--runtime', 'none', '--port', '0', '--data', data.path], {
      cwd: root,
      env: { ...process.env, ITDA_LOG_ECHO: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d));
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d;
          const m = /ready at (\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
      });
      expect(err).toContain('open the address below in a browser');
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
      data.remove();
    }
  }, 120_000);
});
