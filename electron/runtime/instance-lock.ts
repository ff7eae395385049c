/**
 * One kiosk runtime per data dir: two would fight over the port, the
 * database and the screen. The lock is a file holding the owner's pid,
 * created exclusively; a lock whose pid no longer runs (power cut, SIGKILL)
 * is stale and taken over.
 */
import { openSync, readFileSync, rmSync, writeSync, closeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export class InstanceLockedError extends Error {
  constructor(
    readonly file: string,
    readonly pid: number,
  ) {
    super(`another kiosk runtime (pid ${pid}) already runs on this data dir (lock ${file}); stop it first`);
    this.name = 'InstanceLockedError';
  }
}

export interface InstanceLock {
  file: string;
  release(): void;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireInstanceLock(file: string, pid = process.pid, alive: (pid: number) => boolean = processAlive): InstanceLock {
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${pid}\n`);
      closeSync(fd);
      return {
        file,
        release() {
          try {
            if (Number(readFileSync(file, 'utf8').trim()) === pid) rmSync(file, { force: true });
          } catch {
            // Already gone.
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let owner = NaN;
    try {
      owner = Number(readFileSync(file, 'utf8').trim());
    } catch {
      // Removed between our open and read: try again.
      continue;
    }
    if (Number.isInteger(owner) && owner > 0 && owner !== pid && alive(owner)) throw new InstanceLockedError(file, owner);
    // Stale (its process is gone) or unreadable: take it over.
    rmSync(file, { force: true });
  }
  throw new Error(`cannot take the kiosk runtime lock ${file}`);
}
