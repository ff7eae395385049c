import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireInstanceLock, InstanceLockedError } from './instance-lock';
import { makeTempDir } from '../../test/support/temp-dir';

let dir: ReturnType<typeof makeTempDir>;
afterEach(() => dir?.remove());

describe('acquireInstanceLock', () => {
  it('writes our pid and removes the file on release', () => {
    dir = makeTempDir();
    const file = join(dir.path, 'run', 'kiosk.lock');
    const lock = acquireInstanceLock(file, 4242, () => false);
    expect(readFileSync(file, 'utf8').trim()).toBe('4242');
    lock.release();
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a second instance while the first runs, naming its pid', () => {
    dir = makeTempDir();
    const file = join(dir.path, 'kiosk.lock');
    acquireInstanceLock(file, 100, () => false);
    expect(() => acquireInstanceLock(file, 200, (pid) => pid === 100)).toThrow(InstanceLockedError);
    expect(() => acquireInstanceLock(file, 200, (pid) => pid === 100)).toThrow(/pid 100/);
  });

  it('takes over a stale lock whose process is gone, and one with garbage in it', () => {
    dir = makeTempDir();
    const file = join(dir.path, 'kiosk.lock');
    writeFileSync(file, '999999\n');
    acquireInstanceLock(file, 300, () => false);
    expect(readFileSync(file, 'utf8').trim()).toBe('300');
    writeFileSync(file, 'not a pid');
    acquireInstanceLock(file, 301, () => true);
    expect(readFileSync(file, 'utf8').trim()).toBe('301');
  });

  it('does not remove a lock that another instance took over meanwhile', () => {
    dir = makeTempDir();
    const file = join(dir.path, 'kiosk.lock');
    const mine = acquireInstanceLock(file, 400, () => false);
    writeFileSync(file, '401\n');
    mine.release();
    expect(readFileSync(file, 'utf8').trim()).toBe('401');
  });

  it('sees the real process table: this process is alive', () => {
    dir = makeTempDir();
    const file = join(dir.path, 'kiosk.lock');
    writeFileSync(file, `${process.pid}\n`);
    expect(() => acquireInstanceLock(file, process.pid + 1)).toThrow(InstanceLockedError);
  });
});
