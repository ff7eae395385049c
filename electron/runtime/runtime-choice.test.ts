import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseRuntime, installedElectron, parseRuntimeFlag } from './runtime-choice';
import { makeTempDir } from '../../test/support/temp-dir';

describe('chooseRuntime', () => {
  it('uses Electron when its binary is installed', () => {
    expect(chooseRuntime({ forced: null, electronBinary: '/e/electron', browser: '/usr/bin/chromium' }).runtime).toBe('electron');
  });
  it('uses the browser kiosk runtime without the Electron binary', () => {
    const c = chooseRuntime({ forced: null, electronBinary: null, browser: '/usr/bin/chromium' });
    expect(c).toEqual({ runtime: 'browser', why: expect.stringContaining('/usr/bin/chromium') });
  });
  it('falls back to the Electron start path (fetch once, else the URL) with neither', () => {
    expect(chooseRuntime({ forced: null, electronBinary: null, browser: null }).runtime).toBe('electron');
  });
  it('obeys --runtime', () => {
    for (const forced of ['electron', 'browser', 'none'] as const) {
      expect(chooseRuntime({ forced, electronBinary: '/e', browser: '/b' }).runtime).toBe(forced);
    }
  });
});

describe('parseRuntimeFlag', () => {
  it('accepts the three runtimes and refuses anything else with the allowed list', () => {
    expect(parseRuntimeFlag(undefined)).toBeNull();
    expect(parseRuntimeFlag('browser')).toBe('browser');
    expect(() => parseRuntimeFlag('firefox')).toThrow(/electron, browser, none/);
  });
});

describe('installedElectron', () => {
  let dir: ReturnType<typeof makeTempDir>;
  afterEach(() => dir?.remove());

  it('finds the binary named by path.txt without downloading, and null when absent', () => {
    dir = makeTempDir();
    const pkg = join(dir.path, 'node_modules', 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(installedElectron(dir.path, {})).toBeNull();
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(installedElectron(dir.path, {})).toBe(join(pkg, 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    dir = makeTempDir();
    writeFileSync(join(dir.path, 'electron'), '');
    expect(installedElectron('/nonexistent', { ELECTRON_OVERRIDE_DIST_PATH: dir.path })).toBe(join(dir.path, 'electron'));
  });
});
