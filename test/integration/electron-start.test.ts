/**
 * `npm start` on a machine without a usable Electron: what the person who
 * typed it reads. Never downloads and never launches anything: the electron
 * package is pointed at a temp folder (ELECTRON_OVERRIDE_DIST_PATH).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let dist: string;

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'itda-electron-dist-'));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

function npmStart(env: Record<string, string | undefined>, args: string[] = []) {
  const merged: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k];
  return spawnSync(process.execPath, ['scripts/start-electron.mjs', ...args], { encoding: 'utf8', env: merged, timeout: 30_000 });
}

describe('npm start without Electron', () => {
  it('says in one sentence that the binary is missing and points to the web host', () => {
    const r = npmStart({});
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('The Electron binary is not installed on this machine');
    expect(lines[0]).toContain('npm run start:web');
    expect(lines[0]).toContain('http://127.0.0.1:5180');
  });

  it('says there is no display before building anything', () => {
    // A stand-in binary that must never run: the display check comes first.
    const fake = join(dist, 'electron');
    writeFileSync(fake, '#!/bin/sh\necho launched\n');
    chmodSync(fake, 0o755);
    const r = npmStart({ DISPLAY: undefined, WAYLAND_DISPLAY: undefined }, ['--no-sandbox']);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain('launched');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('No display to show the kiosk on');
    expect(r.stderr).toContain('npm run start:web');
  });
});
