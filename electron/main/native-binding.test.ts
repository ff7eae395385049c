import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { findNativeBinding, NATIVE_DIR, NATIVE_FILE, NATIVE_STAMP } from './native-binding';

const root = '/opt/itda';
const running = { electron: '45.5.0', platform: 'linux', arch: 'x64' };
const addon = join(root, NATIVE_DIR, NATIVE_FILE);
const stampPath = join(root, NATIVE_DIR, NATIVE_STAMP);

function fsWith(files: Record<string, string>) {
  return { exists: (p: string) => p in files, read: (p: string) => files[p] ?? (() => { throw new Error('ENOENT'); })() };
}

describe('Electron build of better-sqlite3', () => {
  it('is found when stamped for this Electron', () => {
    const fs = fsWith({ [addon]: 'bin', [stampPath]: JSON.stringify({ ...running, betterSqlite3: '12.4.1' }) });
    expect(findNativeBinding(root, running, fs)).toEqual({ ok: true, path: addon });
  });

  it('says to run npm start when it is missing', () => {
    const r = findNativeBinding(root, running, fsWith({}));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toContain('npm start');
  });

  it('flags a build for another Electron', () => {
    const fs = fsWith({ [addon]: 'bin', [stampPath]: JSON.stringify({ ...running, electron: '44.0.0' }) });
    const r = findNativeBinding(root, running, fs);
    expect(r).toMatchObject({ ok: false, path: addon });
    expect(!r.ok && r.problem).toContain('44.0.0');
  });

  it('flags an unstamped build', () => {
    expect(findNativeBinding(root, running, fsWith({ [addon]: 'bin' })).ok).toBe(false);
  });
});
